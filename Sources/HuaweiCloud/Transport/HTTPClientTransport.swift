import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// The HTTP stack: async-http-client on SwiftNIO.
///
/// - At most once: a request that is not idempotent (POST) is written once, on a fresh
///   connection, and never resent by the stack (`HTTPClientPool.Purpose.writes`).
/// - Cancelling a request never blocks the canceller: it closes the connection on its event loop.
/// - Timeouts are explicit: connecting, then the whole exchange; a write gets longer, so that a
///   slow but successful reinstall is not taken for a lost one.
/// - TLS is verified against the system's trust store; plain http only reaches this for loopback
///   hosts (`Endpoints`), which are always contacted directly.
/// - Proxies come from the environment, read by `ProxySettings`.
public struct HTTPClientTransport: HTTPTransport {
    public struct Timeouts: Sendable, Equatable {
        /// To establish the connection (TCP, a proxy's tunnel, TLS).
        public var connect: Duration
        /// The whole exchange of a read, from sending to the answer's last byte.
        public var read: Duration
        /// The whole exchange of a write (a reinstall, a stop). The API gateway gives a backend at
        /// most 60 s, so this outlasts any answer the cloud can still give.
        public var write: Duration

        public init(connect: Duration, read: Duration, write: Duration) {
            self.connect = connect
            self.read = read
            self.write = write
        }

        public static let standard = Timeouts(connect: .seconds(10), read: .seconds(30), write: .seconds(90))
    }

    /// The largest answer read (a page of 1,000 servers is a few MB).
    static let maximumAnswerBytes = 64 * 1024 * 1024

    public let timeouts: Timeouts
    private let proxies: Result<ProxySettings, CloudError>

    public init(timeouts: Timeouts = .standard, proxies: ProxySettings) {
        self.timeouts = timeouts
        self.proxies = .success(proxies)
    }

    /// A transport with the proxies of `environment` (the process's by default). A proxy variable
    /// that cannot be used makes every request fail with that reason, before anything is sent.
    public init(timeouts: Timeouts = .standard, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.timeouts = timeouts
        proxies = Result { () throws(CloudError) in try ProxySettings(environment: environment) }
    }

    public func send(_ request: SignedRequest) async throws -> HTTPReply {
        guard let url = request.url, let authority = request.head.authority else {
            throw CloudError.configuration("The request has no absolute URL.")
        }
        let proxy = try proxies.get().proxy(for: url)
        let purpose: HTTPClientPool.Purpose = request.isIdempotent ? .reads : .writes
        let client = HTTPClientPool.shared.client(
            for: .init(proxy: proxy, purpose: purpose, connectTimeout: timeouts.connect))

        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.head.method.rawValue)
        // The authority that was signed, exactly.
        outgoing.headers.add(name: "Host", value: authority)
        for field in request.head.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if request.head.headerFields[.userAgent] == nil {
            outgoing.headers.add(name: "User-Agent", value: UserAgent.value)
        }
        if !request.body.isEmpty || !request.isIdempotent {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let limit = purpose == .reads ? timeouts.read : timeouts.write
        do {
            // One deadline over the whole exchange: async-http-client's own covers the head only,
            // and a server that sends the head and then stalls must not hold a poll or a command.
            return try await Self.within(limit) { [outgoing] in
                let response = try await client.execute(outgoing, deadline: .distantFuture)
                let body = try await response.body.collect(upTo: Self.maximumAnswerBytes)
                var fields = HTTPFields()
                for header in response.headers {
                    if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
                }
                let head = HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields)
                return HTTPReply(head: head, body: Data(body.readableBytesView))
            }
        } catch {
            throw TransportError.classify(error, proxy: proxy, limit: limit)
        }
    }

    /// `body`'s result, or `HTTPClientError.deadlineExceeded` once `limit` has passed (`body` is
    /// cancelled then, which closes its connection without blocking).
    private static func within(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> HTTPReply
    ) async throws -> HTTPReply {
        try await withThrowingTaskGroup(of: HTTPReply?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else {
                throw HTTPClientError.deadlineExceeded
            }
            return reply
        }
    }
}
