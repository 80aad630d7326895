import Foundation
import HuaweiCloud

/// An image as IMS sends it, both in `GET /v2/cloudimages` (`{"images":[…]}`) and, flat, in
/// the Glance-compatible `GET /v2/images/{id}`: the typed `Image` plus the attributes a real
/// image carries (visibility, disk format, links…), derived so every image is complete.
struct ImageWire: Encodable {
    var image: Image
    var owner: String

    enum Keys: String, CodingKey {
        case id, name, status, visibility, owner, tags, schema, file, size
        case selfLink = "self"
        case protected
        case minDisk = "min_disk"
        case minRam = "min_ram"
        case diskFormat = "disk_format"
        case containerFormat = "container_format"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case imageType = "__imagetype"
        case osType = "__os_type"
        case platform = "__platform"
        case osVersion = "__os_version"
        case osBit = "__os_bit"
        case supportFcInject = "__support_fc_inject"
        case rootOrigin = "__root_origin"
        case isRegistered = "__isregistered"
        case supportKvm = "__support_kvm"
        case virtualEnvType = "virtual_env_type"
        case firmware = "hw_firmware_type"
        case isConfigInit = "__is_config_init"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let isPublic = image.imageType == "gold"
        let windows = image.osType == "Windows"
        try c.encode(image.id, forKey: .id)
        try c.encode(image.name, forKey: .name)
        try c.encode(image.status ?? "active", forKey: .status)
        try c.encode(isPublic ? "public" : "private", forKey: .visibility)
        try c.encode(isPublic ? "" : owner, forKey: .owner)
        try c.encode([String](), forKey: .tags)
        try c.encode("/v2/schemas/image", forKey: .schema)
        try c.encode("/v2/images/\(image.id)/file", forKey: .file)
        try c.encode("/v2/images/\(image.id)", forKey: .selfLink)
        try c.encode(0, forKey: .size)
        try c.encode(isPublic, forKey: .protected)
        try c.encode(windows ? 40 : 20, forKey: .minDisk)
        try c.encode(0, forKey: .minRam)
        try c.encode("zvhd2", forKey: .diskFormat)
        try c.encode("bare", forKey: .containerFormat)
        try c.encode("2024-01-01T00:00:00Z", forKey: .createdAt)
        try c.encode("2024-01-01T00:00:00Z", forKey: .updatedAt)
        try c.encodeIfPresent(image.imageType, forKey: .imageType)
        try c.encodeIfPresent(image.osType, forKey: .osType)
        try c.encodeIfPresent(image.platform, forKey: .platform)
        try c.encode(image.name, forKey: .osVersion)
        try c.encode("64", forKey: .osBit)
        try c.encodeIfPresent(image.supportFcInject, forKey: .supportFcInject)
        try c.encodeIfPresent(image.rootOrigin, forKey: .rootOrigin)
        try c.encode("true", forKey: .isRegistered)
        try c.encode("true", forKey: .supportKvm)
        try c.encode("FusionCompute", forKey: .virtualEnvType)
        try c.encode(windows ? "uefi" : "bios", forKey: .firmware)
        try c.encode(image.rootOrigin == "file" ? "true" : "false", forKey: .isConfigInit)
    }
}

/// `{"images": [...]}`.
struct ImageListWire: Encodable {
    var images: [ImageWire]
}
