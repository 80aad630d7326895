import Foundation

/// A proxy to send requests through, from a proxy variable's URL (`http://user:pass@host:port`,
/// `socks5://host:port`; no scheme means `http://`, as in curl).
public struct ProxyServer: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An HTTP proxy: https requests go through a `CONNECT` tunnel, so it never sees their content.
        case http
        /// A SOCKS5 proxy (`socks5://` or `socks5h://`), without authentication.
        case socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    /// Basic authentication for an HTTP proxy, percent-decoded.
    public var username: String?
    public var password: Secret?

    public init(kind: Kind, host: String, port: Int, username: String? = nil, password: Secret? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    public static func == (a: ProxyServer, b: ProxyServer) -> Bool {
        a.kind == b.kind && a.host == b.host && a.port == b.port && a.username == b.username
            && a.password == b.password
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(host)
        hasher.combine(port)
        hasher.combine(username)
    }

    /// `host:port`, for messages (never the credentials).
    public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Parses a proxy variable's value; `variable` names it in the error.
    public init(parsing text: String, variable: String) throws(CloudError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        func refuse(_ why: String) -> CloudError {
            .configuration("\(variable)=\(Endpoints.redacted(withScheme)) cannot be used: \(why).")
        }
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { throw refuse("it is not a proxy URL such as http://proxy.example.com:3128") }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        switch scheme {
        case "http":
            kind = .http
        case "socks5", "socks5h":
            kind = .socks5
            guard components.user == nil else { throw refuse("a SOCKS5 proxy with a user name is not supported") }
        case "https":
            throw refuse("TLS to the proxy itself (https://) is not supported; give http://, whose CONNECT tunnel still carries TLS to the cloud end to end")
        default:
            throw refuse("the scheme \(scheme):// is not supported (http:// or socks5://)")
        }
        self.host = bare
        // curl's default port for every proxy scheme is 1080.
        port = components.port ?? 1080
        guard (1...65535).contains(port) else { throw refuse("the port is out of range") }
        username = components.user.map { $0.removingPercentEncoding ?? $0 }
        password = components.password.map { Secret($0.removingPercentEncoding ?? $0) }
    }
}
