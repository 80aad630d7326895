import Foundation

/// Which reinstall API: `/v1/…/reinstallos` (image without Cloud-Init) or `/v2/…` (with).
public enum ReinstallAPI: String, Sendable, Equatable, Codable {
    case v1, v2
}

/// The body of both reinstall calls: `{"os-reinstall": {…}}` (huawei-ecs-api.md §4).
/// The password is a `Secret`; it is revealed only when the body is encoded for sending.
public struct ReinstallRequest: Sendable, Equatable {
    public var adminPass: Secret?
    public var keyName: String?
    public var userId: String?
    public var withStopServer: Bool
    public var metadata: [String: String]

    public init(adminPass: Secret? = nil, keyName: String? = nil, userId: String? = nil,
                withStopServer: Bool = false, metadata: [String: String] = [:]) {
        self.adminPass = adminPass
        self.keyName = keyName
        self.userId = userId
        self.withStopServer = withStopServer
        self.metadata = metadata
    }

    /// The JSON body as sent. It holds the clear password: it goes to the wire and nowhere else.
    public func encodedBody() throws -> Data {
        let wire = Wire(osReinstall: .init(
            adminpass: adminPass?.reveal(), keyname: keyName, userid: userId,
            mode: withStopServer ? "withStopServer" : nil,
            metadata: metadata.isEmpty ? nil : metadata))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(wire)
    }

    /// Decodes a body (the simulator's side of the wire).
    public static func decode(_ body: Data) throws -> ReinstallRequest {
        let wire = try JSONDecoder().decode(Wire.self, from: body)
        let r = wire.osReinstall
        return ReinstallRequest(
            adminPass: r.adminpass.map { Secret($0) }, keyName: r.keyname, userId: r.userid,
            withStopServer: r.mode == "withStopServer", metadata: r.metadata ?? [:])
    }

    struct Wire: Codable {
        struct Body: Codable {
            var adminpass: String?
            var keyname: String?
            var userid: String?
            var mode: String?
            var metadata: [String: String]?
        }
        var osReinstall: Body
        enum CodingKeys: String, CodingKey { case osReinstall = "os-reinstall" }
    }
}
