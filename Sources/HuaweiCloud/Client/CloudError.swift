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

    /// What happened, then what to do about it.
    public var message: String {
        switch self {
        case let .api(status, code, _, _):
            let hint = CloudError.hint(forCode: code) ?? CloudError.hint(forStatus: status)
            return summary + " " + hint
        case .malformedResponse:
            return summary + " Try again; if it persists, report it."
        case .transport:
            return summary + " Check the network, the proxy and the endpoint, then try again."
        case .configuration:
            return summary
        }
    }

    /// What happened, without advice: for messages whose advice differs, such as a reinstall that
    /// must not be sent again, where "try again" would be wrong.
    public var summary: String {
        switch self {
        case let .api(status, code, message, requestId):
            var text = message.isEmpty ? "The request failed" : message
            text += " (HTTP \(status), \(code)"
            if let requestId, !requestId.isEmpty { text += ", request \(requestId)" }
            return text + ")."
        case let .malformedResponse(what, detail, requestId):
            let request = requestId.map { ", request \($0)" } ?? ""
            return "The cloud's answer to \(what) could not be read (\(detail)\(request))."
        case let .transport(detail):
            return "No answer from the cloud: \(detail)."
        case let .configuration(detail):
            return detail
        }
    }

    /// The Huawei error code, when the cloud gave one.
    public var code: String? {
        if case let .api(_, code, _, _) = self { return code }
        return nil
    }

    /// The `X-Request-Id` of the answer, when there was one.
    public var requestId: String? {
        switch self {
        case let .api(_, _, _, requestId), let .malformedResponse(_, _, requestId): return requestId
        case .transport, .configuration: return nil
        }
    }

    /// Reads the error shapes of huawei-ecs-api.md §10.1 the way the SDK does:
    /// `error_code`/`error_msg`, then `errorCode`/`errorMsg`, then `code`/`message`, then nested
    /// objects (`{"error":{…}}`, Nova's `{"itemNotFound":{…}}`). An HTML page (a proxy's or a load
    /// balancer's) is summarised by its title rather than quoted.
    public static func decode(status: Int, body: Data, requestId: String?) -> CloudError {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        if let object, let (code, message) = codeAndMessage(in: object, depth: 0) {
            return .api(status: status, code: code, message: message, requestId: requestId)
        }
        let text = String(decoding: body.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let page = htmlSummary(text) {
            return .api(status: status, code: "HTTP \(status)", message: page, requestId: requestId)
        }
        let excerpt = String(text.prefix(200))
        return .api(status: status, code: "HTTP \(status)", message: excerpt.isEmpty ? "The request failed" : excerpt,
                    requestId: requestId)
    }

    /// `text` with each secret (of 4 characters or more) replaced by `••••`: for errors and the debug log.
    static func redacted(_ text: String, _ secrets: [String]) -> String {
        secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "••••") }
    }

    /// The same error with every occurrence of the given secrets replaced by `••••`. The gateway may
    /// echo the canonical request (with `x-security-token`) and a refusal may quote the body (with
    /// `adminpass`), so every error the client throws passes through this.
    func redacting(_ secrets: [String]) -> CloudError {
        let secrets = secrets.filter { $0.count >= 4 }
        guard !secrets.isEmpty else { return self }
        func clean(_ text: String) -> String { Self.redacted(text, secrets) }
        switch self {
        case let .api(status, code, message, requestId):
            return .api(status: status, code: clean(code), message: clean(message), requestId: requestId.map(clean))
        case let .malformedResponse(what, detail, requestId):
            return .malformedResponse(what: what, detail: clean(detail), requestId: requestId.map(clean))
        case let .transport(detail):
            return .transport(clean(detail))
        case let .configuration(detail):
            return .configuration(clean(detail))
        }
    }

    private static func codeAndMessage(in object: [String: Any], depth: Int) -> (String, String)? {
        for (codeKey, messageKey) in [("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")] {
            if let code = stringValue(object[codeKey]) {
                return (code, stringValue(object[messageKey]) ?? "")
            }
        }
        guard depth < 3 else { return nil }
        // Sorted, so a body with two nested objects always gives the same answer.
        for key in object.keys.sorted() {
            if let nested = object[key] as? [String: Any], let found = codeAndMessage(in: nested, depth: depth + 1) {
                return found
            }
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

    /// "An HTML page (title: 502 Bad Gateway) instead of the API's JSON", or nil for non-HTML.
    static func htmlSummary(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html") || lowered.contains("<body") else {
            return nil
        }
        var summary = "An HTML page came back instead of the API's JSON, probably from a proxy or load balancer"
        if let open = lowered.range(of: "<title>"), let close = lowered.range(of: "</title>", range: open.upperBound..<lowered.endIndex) {
            let start = text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: open.upperBound))
            let end = text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: close.lowerBound))
            let title = text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines).prefix(100)
            if !title.isEmpty { summary += " (title: \(title))" }
        }
        return summary
    }
}
