import AsyncHTTPClient
import NIOCore
import Synchronization

/// The process's async-http-client clients, one per way of connecting: direct or through a
/// proxy, for reads or for writes, with a connect timeout.
///
/// Like `HTTPClient.shared`, they live as long as the process and are never shut down: a client
/// must be shut down before it is released, and a transport is a value that many copies of a
/// cloud client share. There are only ever a handful (one proxy, two purposes).
final class HTTPClientPool: Sendable {
    static let shared = HTTPClientPool()

    enum Purpose: Hashable, Sendable {
        /// Safe requests (GET): connections are kept alive and reused.
        case reads
        /// Requests that must go out at most once (a reinstall, a stop): each on a connection of
        /// its own that nothing used before, so it is never written to a kept-alive connection the
        /// server may be closing at that moment. async-http-client never resends a request on
        /// another connection; only establishing a connection is retried, and not even that here.
        case writes
    }

    struct Key: Hashable, Sendable {
        var proxy: ProxyServer?
        var purpose: Purpose
        var connectTimeout: Duration
    }

    private let clients = Mutex<[Key: HTTPClient]>([:])

    func client(for key: Key) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                    configuration: Self.configuration(key))
            clients[key] = client
            return client
        }
    }

    static func configuration(_ key: Key) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        // TLS: the default client configuration verifies the certificate chain against the
        // system's trust store and the host name; nothing here turns that off.
        configuration.httpVersion = .http1Only
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        // The connect timeout alone; the whole exchange is bounded per request by a deadline.
        configuration.timeout = .init(connect: TimeAmount(key.connectTimeout), read: nil)
        // A connection that cannot be made fails the request at once; the client's retry
        // policy, which knows whether the request is safe to repeat, decides what happens next.
        configuration.connectionPool = .init(idleTimeout: .seconds(20))
        configuration.connectionPool.retryConnectionEstablishment = false
        if key.purpose == .writes { configuration.maximumUsesPerConnection = 1 }
        configuration.proxy = key.proxy.map(Self.proxy)
        return configuration
    }

    static func proxy(_ server: ProxyServer) -> HTTPClient.Configuration.Proxy {
        switch server.kind {
        case .socks5:
            return .socksServer(host: server.host, port: server.port)
        case .http:
            let authorization = server.username.map { user in
                HTTPClient.Authorization.basic(username: user, password: server.password?.reveal() ?? "")
            }
            return .server(host: server.host, port: server.port, authorization: authorization)
        }
    }
}
