import Foundation
import HuaweiCloud

/// A request as it arrived on the wire, before any decoding: what the gateway signs over.
struct SimulatorRequest: Sendable {
    var method: String
    /// The path as received, still percent-encoded.
    var rawPath: String
    /// The query string as received (no `?`), still percent-encoded; nil when absent.
    let rawQuery: String?
    /// Header names lowercased; repeated headers joined with `,`. `host` comes from the request's authority.
    var headers: [String: String]
    var body: Data

    init(method: String, rawPath: String, rawQuery: String?, headers: [String: String], body: Data) {
        self.method = method.uppercased()
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, b in a + "," + b })
        self.body = body
        queryPairs = Self.decodeQuery(rawQuery)
    }

    /// Decoded path segments, without the empty ones.
    var segments: [String] {
        rawPath.split(separator: "/").map { PercentEncoding.decode(String($0)) }
    }

    /// Decoded query pairs, in the order received. A key without `=` has an empty value.
    /// Decoded once: a route asks for several parameters.
    let queryPairs: [(String, String)]

    private static func decodeQuery(_ rawQuery: String?) -> [(String, String)] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentEncoding.decode(String(parts[0]))
            let value = parts.count > 1 ? PercentEncoding.decode(String(parts[1])) : ""
            return (key, value)
        }
    }

    func query(_ name: String) -> String? {
        queryPairs.first { $0.0 == name }?.1
    }
}

/// A reply: status, JSON body and the request id that also goes into `X-Request-Id`.
struct SimulatorResponse: Sendable {
    var status: Int
    var body: Data
    var requestId: String
    /// Headers beyond Content-Type and X-Request-Id (e.g. `Retry-After`).
    var headers: [String: String] = [:]
}

/// What the HTTP layer must do with a request.
enum SimulatorOutcome: Sendable {
    case reply(SimulatorResponse)
    /// Hold the request for this long (wall clock), then hand it back without fault injection.
    case hang(Duration)
    /// Reset the TCP connection without a reply.
    case reset
    /// The request was carried out; close the connection without sending its reply.
    case drop
}

/// A request as it arrived, for tests that count what a client sent (a POST sent twice shows here).
public struct ReceivedRequest: Sendable, Equatable {
    public var method: String
    /// The path as sent, percent-encoding kept, without the query.
    public var path: String
    /// The query string as sent (no `?`), percent-encoding kept; nil without one.
    public var query: String? = nil
    public var bodyBytes: Int

    /// The decoded value of the query parameter `name`, nil when it was not sent.
    public func queryValue(_ name: String) -> String? {
        SimulatorRequest(method: method, rawPath: path, rawQuery: query, headers: [:], body: Data()).query(name)
    }
}
