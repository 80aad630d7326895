import Foundation
import HuaweiCloud

/// The error bodies of §10.1.
enum ErrorBody: Sendable, Equatable {
    /// ECS: `{"error":{"code":"Ecs.0005","message":"…"}}`.
    case ecs(code: String, message: String)
    /// API gateway: `{"error_code":"APIGW.0301","error_msg":"…","request_id":"…"}`.
    case gateway(code: String, message: String)
    /// IMS / KPS / IAM services: `{"error_code":"IMG.0001","error_msg":"…"}`.
    case service(code: String, message: String)

    var code: String {
        switch self {
        case .ecs(let code, _), .gateway(let code, _), .service(let code, _): return code
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

    static let apiNotFound = gateway(
        404, "APIGW.0101", "The API does not exist or has not been published in the environment")
}
