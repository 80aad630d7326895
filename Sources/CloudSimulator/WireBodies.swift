import Foundation
import HuaweiCloud

/// A server as the detail routes send it: the shared `Server` model, plus the fields a real
/// ECS sends that the model does not keep (vm/power state, root device, host status, tags).
struct ServerDetailWire: Encodable {
    var server: Server

    enum ExtraKeys: String, CodingKey {
        case description, tags
        case vmState = "OS-EXT-STS:vm_state"
        case powerState = "OS-EXT-STS:power_state"
        case rootDeviceName = "OS-EXT-SRV-ATTR:root_device_name"
        case hostStatus = "host_status"
        case enterpriseProjectId = "enterprise_project_id"
        case sysTags = "sys_tags"
    }

    struct SysTag: Encodable {
        var key: String
        var value: String
    }

    func encode(to encoder: Encoder) throws {
        try server.encode(to: encoder)
        var c = encoder.container(keyedBy: ExtraKeys.self)
        let (vmState, powerState) = Self.vmAndPowerState(server)
        try c.encode(vmState, forKey: .vmState)
        try c.encode(powerState, forKey: .powerState)
        try c.encode("", forKey: .description)
        try c.encode([String](), forKey: .tags)
        try c.encode(server.isWindows ? "/dev/sda" : "/dev/vda", forKey: .rootDeviceName)
        try c.encode("UP", forKey: .hostStatus)
        try c.encode("0", forKey: .enterpriseProjectId)
        try c.encode([SysTag(key: "_sys_enterprise_project_id", value: "0")], forKey: .sysTags)
    }

    /// `OS-EXT-STS:vm_state` and `OS-EXT-STS:power_state` (1 running, 4 shut down).
    static func vmAndPowerState(_ server: Server) -> (String, Int) {
        switch server.status {
        case .active: return ("active", 1)
        case .shutoff: return ("stopped", 4)
        case .rebuild: return ("stopped", 4)  // withStopServer stops the server before rebuilding
        case .error: return ("error", 4)
        default: return ("active", 1)
        }
    }
}

/// The error bodies of §10.1.
enum ErrorBody: Sendable, Equatable {
    /// ECS: `{"error":{"code":"Ecs.0005","message":"…"}}`.
    case ecs(code: String, message: String)
    /// API gateway: `{"error_code":"APIGW.0301","error_msg":"…","request_id":"…"}`.
    case gateway(code: String, message: String)
    /// IMS / KPS / IAM services: `{"error_code":"IMG.0001","error_msg":"…"}`.
    case service(code: String, message: String)
    /// IAM's Keystone-style refusal: `{"error":{"code":"IAM.0002","message":"…","title":"Forbidden"}}`.
    case keystone(code: String, message: String, title: String)

    var code: String {
        switch self {
        case .ecs(let code, _), .gateway(let code, _), .service(let code, _), .keystone(let code, _, _): return code
        }
    }

    func encoded(requestId: String) -> Data {
        let object: [String: Any]
        switch self {
        case .ecs(let code, let message):
            object = ["error": ["code": code, "message": message]]
        case .gateway(let code, let message):
            object = ["error_code": code, "error_msg": message, "request_id": requestId]
        case .service(let code, let message):
            object = ["error_code": code, "error_msg": message]
        case .keystone(let code, let message, let title):
            object = ["error": ["code": code, "message": message, "title": title]]
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// A refusal: an HTTP status and one of the error bodies.
struct APIFailure: Error, Sendable, Equatable {
    var status: Int
    var body: ErrorBody

    static func ecs(_ status: Int, _ code: String, _ message: String) -> APIFailure {
        APIFailure(status: status, body: .ecs(code: code, message: message))
    }

    static func gateway(_ status: Int, _ code: String, _ message: String) -> APIFailure {
        APIFailure(status: status, body: .gateway(code: code, message: message))
    }

    static func service(_ status: Int, _ code: String, _ message: String) -> APIFailure {
        APIFailure(status: status, body: .service(code: code, message: message))
    }

    /// IAM's refusal of an action the caller's policies do not grant. The shape is Keystone's
    /// `{"error":{…,"title":"Forbidden"}}` with a Huawei code; the exact code and wording are
    /// inferred (no live call was made), the status 403 is what the client relies on.
    static func iamForbidden(_ action: String) -> APIFailure {
        APIFailure(status: 403, body: .keystone(
            code: "IAM.0002", message: "You are not authorized to perform the requested action: Policy doesn't allow \(action) to be performed.",
            title: "Forbidden"))
    }

    static let apiNotFound = gateway(
        404, "APIGW.0101", "The API does not exist or has not been published in the environment")
}
