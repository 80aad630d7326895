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
    /// Prefer `encodedBodyBuffer()`, whose bytes can be zeroed once sent.
    public func encodedBody() throws -> Data {
        let buffer = try encodedBodyBuffer()
        defer { buffer.wipe() }
        return buffer.withBytes { Data($0) }
    }

    /// The JSON body as sent, built into a `Secret` so the caller can zero it after sending. The
    /// password's bytes go from its own buffer into this one, JSON-escaped, never through a `String`:
    /// the rest of the body is encoded around a placeholder that is then replaced in place.
    public func encodedBodyBuffer() throws -> Secret {
        let placeholder = adminPass.map { _ in "adminpass-" + UUID().uuidString }
        let wire = Wire(osReinstall: .init(
            adminpass: placeholder, keyname: keyName, userid: userId,
            mode: withStopServer ? "withStopServer" : nil,
            metadata: metadata.isEmpty ? nil : metadata))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let skeleton = [UInt8](try encoder.encode(wire))
        let body = Secret(bytes: skeleton)
        guard let placeholder, let adminPass,
              let at = Self.firstRange(of: Array(placeholder.utf8), in: skeleton) else { return body }
        body.removeBytes(at)
        var offset = at.lowerBound
        adminPass.withBytes { password in
            for byte in password {
                Self.withJSONEscaped(byte) { escaped in
                    body.insert(contentsOf: escaped, atByte: offset)
                    offset += escaped.count
                }
            }
        }
        return body
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }

    /// One byte of a UTF-8 string inside JSON quotes, escaped as `JSONEncoder` escapes it.
    private static func withJSONEscaped(_ byte: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let hex = Array("0123456789abcdef".utf8)
        var escaped: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (byte, 0, 0, 0, 0, 0)
        let count: Int
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            escaped = (UInt8(ascii: "\\"), byte, 0, 0, 0, 0); count = 2
        case UInt8(ascii: "\n"): escaped = (UInt8(ascii: "\\"), UInt8(ascii: "n"), 0, 0, 0, 0); count = 2
        case UInt8(ascii: "\r"): escaped = (UInt8(ascii: "\\"), UInt8(ascii: "r"), 0, 0, 0, 0); count = 2
        case UInt8(ascii: "\t"): escaped = (UInt8(ascii: "\\"), UInt8(ascii: "t"), 0, 0, 0, 0); count = 2
        case 0x08: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "b"), 0, 0, 0, 0); count = 2
        case 0x0C: escaped = (UInt8(ascii: "\\"), UInt8(ascii: "f"), 0, 0, 0, 0); count = 2
        case 0..<0x20:
            escaped = (UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                       hex[Int(byte >> 4)], hex[Int(byte & 0xF)])
            count = 6
        default: count = 1
        }
        withUnsafeBytes(of: &escaped) { raw in
            body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<count]))
        }
        escaped = (0, 0, 0, 0, 0, 0)
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
