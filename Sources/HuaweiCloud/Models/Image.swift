import Foundation

/// An IMS image as `GET /v2/cloudimages?id=` returns it. Only what the endpoint decision needs
/// is typed; the attributes are strings on the wire (`"true"`, `"gold"`).
public struct Image: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var status: String?
    public var imageType: String?
    public var osType: String?
    public var platform: String?
    public var supportFcInject: String?
    public var rootOrigin: String?

    public init(
        id: String, name: String, status: String? = "active", imageType: String?, osType: String?,
        platform: String? = nil, supportFcInject: String? = nil, rootOrigin: String? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.imageType = imageType
        self.osType = osType
        self.platform = platform
        self.supportFcInject = supportFcInject
        self.rootOrigin = rootOrigin
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case imageType = "__imagetype"
        case osType = "__os_type"
        case platform = "__platform"
        case supportFcInject = "__support_fc_inject"
        case rootOrigin = "__root_origin"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredLenientString(forKey: .id)
        name = c.lenientString(forKey: .name) ?? ""
        status = c.lenientString(forKey: .status)
        imageType = c.lenientString(forKey: .imageType)
        osType = c.lenientString(forKey: .osType)
        platform = c.lenientString(forKey: .platform)
        supportFcInject = c.lenientString(forKey: .supportFcInject)
        rootOrigin = c.lenientString(forKey: .rootOrigin)
    }
}

/// `{"images": [...]}`.
public struct ImageList: Codable, Sendable, Equatable {
    public var images: [Image]
    public init(images: [Image]) { self.images = images }
}
