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
