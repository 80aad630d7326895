import Foundation

/// Which proxy a request goes through, read by us from the environment with curl's conventions
/// (the HTTP stack reads none of these itself):
///
/// - https URLs: `https_proxy`, else `HTTPS_PROXY`, else `all_proxy`, else `ALL_PROXY`.
/// - `no_proxy` and `NO_PROXY` both apply (their entries together), so neither hides the other.
/// - Loopback hosts (127.0.0.0/8, ::1, localhost) never go through a proxy, whatever is set.
/// - Plain http goes only to loopback (`Endpoints`), so it is always contacted directly and
///   `http_proxy` never applies: nothing is ever sent in clear text to a proxy.
public struct ProxySettings: Sendable, Equatable {
    /// The proxy for https requests, when one is set.
    public var httpsProxy: ProxyServer?
    public var bypass: [NoProxyRule]

    public init(httpsProxy: ProxyServer? = nil, bypass: [NoProxyRule] = []) {
        self.httpsProxy = httpsProxy
        self.bypass = bypass
    }

    /// No proxy at all.
    public static let direct = ProxySettings()

    /// The settings `environment` gives; a proxy variable that cannot be used is an error, not
    /// silently skipped (the operator meant the requests to go through it).
    public init(environment: [String: String]) throws(CloudError) {
        let variable = ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"].first {
            !(environment[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
        httpsProxy = try variable.map { name throws(CloudError) in
            try ProxyServer(parsing: environment[name] ?? "", variable: name)
        }
        bypass = ["no_proxy", "NO_PROXY"].flatMap { NoProxyRule.parse(environment[$0] ?? "") }
    }

    /// The proxy for a request to `url`, or nil to connect directly.
    public func proxy(for url: URL) -> ProxyServer? {
        guard let httpsProxy, url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty else {
            return nil
        }
        if Loopback.isHost(host) { return nil }
        let port = url.port ?? 443
        return bypass.contains { $0.matches(host: host, port: port) } ? nil : httpsProxy
    }
}
