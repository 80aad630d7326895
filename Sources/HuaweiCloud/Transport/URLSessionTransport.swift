import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Foundation's URLSession (libcurl on Linux).
///
/// - TLS: certificates are always verified against the system's trust store; there is no switch
///   to turn that off. Plain `http://` is refused before it gets here unless the host is loopback
///   (`Endpoints`).
/// - Proxies: on Linux libcurl reads `HTTPS_PROXY`/`https_proxy`, `http_proxy`, `ALL_PROXY` and
///   `NO_PROXY` itself, because FoundationNetworking never sets a proxy option of its own (checked:
///   an HTTPS request under `HTTPS_PROXY` arrives at the proxy as `CONNECT host:443`, and `NO_PROXY`
///   bypasses it). On macOS URLSession uses the system's proxy settings instead.
/// - Timeouts: FoundationNetworking has no connect-only timer and ignores
///   `timeoutIntervalForResource`, so `connectTimeout` is applied as URLSession's idle timeout (no
///   byte for that long: it bounds connecting, TLS and a silent server) and `requestTimeout`, the
///   whole exchange, is enforced here.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    public let connectTimeout: Duration
    public let requestTimeout: Duration

    public init(connectTimeout: Duration = .seconds(15), requestTimeout: Duration = .seconds(30)) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = max(requestTimeout, connectTimeout)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connectTimeout.timeInterval
        configuration.timeoutIntervalForResource = self.requestTimeout.timeInterval
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: connectTimeout.timeInterval)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let (data, response) = try await withDeadline(requestTimeout) { [session, urlRequest] in
            do {
                return try await session.data(for: urlRequest)
            } catch let error as URLError where error.code == .cancelled {
                throw CancellationError()
            } catch let error as URLError {
                throw Self.transportError(error)
            }
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(.other, "the answer was not HTTP")
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Runs `body`, or throws a timeout once `limit` has passed (cancelling `body`).
    private func withDeadline<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw TransportError(.timedOut, "no complete answer within \(String(format: "%g", limit.timeInterval)) s")
            }
            return value
        }
    }

    static func transportError(_ error: URLError) -> TransportError {
        switch error.code {
        case .timedOut: return TransportError(.timedOut, "the request timed out")
        case .cannotConnectToHost: return TransportError(.connectionRefused, "the connection was refused")
        case .cannotFindHost, .dnsLookupFailed: return TransportError(.hostNotFound, "the host name could not be resolved")
        case .notConnectedToInternet: return TransportError(.connectionRefused, "no network")
        case .networkConnectionLost: return TransportError(.connectionLost, "the connection was lost")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return TransportError(.tls, "the TLS certificate could not be verified")
        default: return TransportError(.other, error.localizedDescription)
        }
    }

}
