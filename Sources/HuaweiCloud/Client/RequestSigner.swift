import Foundation
import HTTPTypes

/// Turns a call (service base URL, method, path, query, body) into a `SignedRequest`,
/// adding the headers the official SDK adds before signing (huawei-ecs-api.md §2.1).
public struct RequestSigner: Sendable {
    public var credentials: Credentials

    public init(credentials: Credentials) { self.credentials = credentials }

    /// The URL text of `path` under `baseURL`, as every request is sent (trailing slashes of the
    /// base dropped).
    static func join(_ baseURL: URL, _ path: String) -> String {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text + path
    }

    public func signedRequest(
        method: String, baseURL: URL, path: String, query: [(String, String)] = [], body: Data = Data(),
        projectId: String?, date: Date
    ) throws -> SignedRequest {
        // The query string sent is exactly the canonical one, so the signed and the sent query match.
        let queryString = Signer.canonicalQuery(query)
        let text = Self.join(baseURL, path) + (queryString.isEmpty ? "" : "?" + queryString)
        guard let url = URL(string: text), let host = Self.netloc(url), let verb = HTTPRequest.Method(method) else {
            throw CloudError.configuration("The endpoint URL \(Endpoints.redacted(text)) is not valid.")
        }
        var headers = [
            "Content-Type": method == "GET" ? "application/json" : "application/json;charset=UTF-8",
            "Host": host,
            "X-Sdk-Date": Signer.sdkDate(date),
        ]
        if let projectId { headers["X-Project-Id"] = projectId }
        if let token = credentials.securityToken { headers["X-Security-Token"] = token.reveal() }
        headers["Authorization"] = Signer.authorization(
            method: method, path: url.path, query: query, headers: headers, body: body,
            accessKey: credentials.accessKey, secretKey: credentials.secretKey)
        var fields = HTTPFields()
        // Host travels as the request's authority (HTTP/1's Host line); it is signed all the same.
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) where name != "Host" {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        var head = HTTPRequest(method: verb, scheme: url.scheme, authority: host, path: nil, headerFields: fields)
        head.path = Self.requestTarget(url)
        return SignedRequest(head: head, body: body)
    }

    /// The path and query exactly as given in the URL text (percent-encoding kept): what was signed.
    static func requestTarget(_ url: URL) -> String {
        let path = url.path(percentEncoded: true)
        let query = url.query(percentEncoded: true).map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    /// `host[:port]`, without the scheme's default port: what the HTTP client sends as `Host`.
    static func netloc(_ url: URL) -> String? {
        guard let host = url.host else { return nil }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let port = url.port else { return bracketed }
        let isDefault = (url.scheme == "https" && port == 443) || (url.scheme == "http" && port == 80)
        return isDefault ? bracketed : "\(bracketed):\(port)"
    }
}
