import Foundation

/// Everything that can go wrong talking to the cloud, each with a message an operator can act on:
/// what happened, what to do, and the Huawei error code and `X-Request-Id` when there are any.
public enum CloudError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cloud answered with an error status (or, for `Common.0024`, with a 202 that is one).
    case api(status: Int, code: String, message: String, requestId: String?)
    /// The answer could not be decoded; `what` names the call.
    case malformedResponse(what: String, detail: String, requestId: String?)
    /// No answer: connection refused, DNS, TLS, timeout.
    case transport(String)
    /// The configuration is not usable (no credentials, no project, …).
    case configuration(String)

    public var description: String { message }

    public var message: String {
        switch self {
        case let .api(status, code, message, requestId):
            var text = "\(message) (HTTP \(status), \(code)"
            if let requestId, !requestId.isEmpty { text += ", request \(requestId)" }
            text += ")"
            if let hint = CloudError.hint(forCode: code) { text += ". \(hint)" }
            return text
        case let .malformedResponse(what, detail, requestId):
            let request = requestId.map { ", request \($0)" } ?? ""
            return "The cloud's answer to \(what) could not be read (\(detail)\(request)). Try again; if it persists, report it."
        case let .transport(detail):
            return "The cloud could not be reached: \(detail). Check the network and the endpoint, then try again."
        case let .configuration(detail):
            return detail
        }
    }

    /// The Huawei error code, when the cloud gave one.
    public var code: String? {
        if case let .api(_, code, _, _) = self { return code }
        return nil
    }

    /// What to do about the codes of huawei-ecs-api.md §10.2.
    public static func hint(forCode code: String) -> String? {
        switch code {
        case "Ecs.0011": return "Choose a password that meets the rules"
        case "Ecs.0100": return "Stop the server first or reinstall with 'stop the server first'"
        case "Ecs.0105": return "A server without a system disk cannot be reinstalled"
        case "Ecs.0314": return "Choose an existing key pair"
        case "Ecs.0605": return "Unlock the server first"
        case "Ecs.0603": return "Another operation is running on the server; retry in a minute"
        case "Ecs.0114", "Ecs.0614": return "The server no longer exists; refresh the list"
        case "Ecs.0023", "Common.0018": return "Check the project id for this region"
        case "APIGW.0301", "APIG.0301": return "Check the access key, secret key and the machine's clock"
        case "APIGW.0308", "Common.0024", "Common.1503": return "The cloud is throttling requests; wait and retry"
        case "Pdp.0001", "Ecs.0110": return "Your IAM policy does not allow this action"
        default: return nil
        }
    }

    /// Reads the error shapes of huawei-ecs-api.md §10.1 the way the SDK does:
    /// `error_code`/`error_msg`, then `code`/`message`, then one level of nesting (`{"error":{…}}`).
    public static func decode(status: Int, body: Data, requestId: String?) -> CloudError {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        if let object, let (code, message) = codeAndMessage(in: object) {
            return .api(status: status, code: code, message: message, requestId: requestId)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .api(status: status, code: "HTTP \(status)", message: text.isEmpty ? "The request failed" : text,
                    requestId: requestId)
    }

    private static func codeAndMessage(in object: [String: Any]) -> (String, String)? {
        for (codeKey, messageKey) in [("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")] {
            if let code = stringValue(object[codeKey]) {
                return (code, stringValue(object[messageKey]) ?? "")
            }
        }
        for value in object.values {
            if let nested = value as? [String: Any], let found = codeAndMessage(in: nested) { return found }
        }
        return nil
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }
}
