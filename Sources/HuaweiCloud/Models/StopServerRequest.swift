import Foundation

/// The body of `POST /v1/{project_id}/cloudservers/action` that stops servers:
/// `{"os-stop":{"type":"SOFT","servers":[{"id":"…"}]}}` (huawei-ecs-api.md §9).
public struct StopServerRequest: Sendable, Equatable {
    public enum StopType: String, Sendable, Equatable, Codable {
        /// A normal shutdown (the default).
        case soft = "SOFT"
        /// Power off at once.
        case hard = "HARD"
    }

    public var serverIds: [String]
    public var type: StopType

    public init(serverIds: [String], type: StopType = .soft) {
        self.serverIds = serverIds
        self.type = type
    }

    public func encodedBody() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Wire(osStop: .init(type: type, servers: serverIds.map { .init(id: $0) })))
    }

    /// Decodes a body (the simulator's side of the wire).
    public static func decode(_ body: Data) throws -> StopServerRequest {
        let wire = try JSONDecoder().decode(Wire.self, from: body)
        return StopServerRequest(serverIds: wire.osStop.servers.map(\.id), type: wire.osStop.type ?? .soft)
    }

    struct Wire: Codable {
        struct ServerRef: Codable { var id: String }
        struct Body: Codable {
            var type: StopType?
            var servers: [ServerRef]
        }
        var osStop: Body
        enum CodingKeys: String, CodingKey { case osStop = "os-stop" }
    }
}
