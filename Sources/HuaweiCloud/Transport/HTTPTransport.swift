import Foundation
import HTTPTypes

/// A request as it goes on the wire: its head (method, URL, header fields) and its body.
public struct SignedRequest: Sendable, Equatable {
    public var head: HTTPRequest
    public var body: Data

    public init(head: HTTPRequest, body: Data = Data()) {
        self.head = head
        self.body = body
    }

    public var method: HTTPRequest.Method { head.method }
    /// The absolute URL (scheme, authority, path and query). Every signed request has one.
    public var url: URL? { head.url }

    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { head.headerFields[$0] }
    }

    /// Whether the HTTP stack may ever send this request twice. Only safe methods are; a reinstall
    /// or a stop (POST) must go out at most once.
    public var isIdempotent: Bool { [.get, .head, .options].contains(head.method) }
}

/// An HTTP answer: its head (status, header fields) and the whole body.
public struct HTTPReply: Sendable, Equatable {
    public var head: HTTPResponse
    public var body: Data

    public init(head: HTTPResponse, body: Data) {
        self.head = head
        self.body = body
    }

    public init(status: Int, headers: [String: String], body: Data) {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        self.init(head: HTTPResponse(status: .init(code: status), headerFields: fields), body: body)
    }

    public var status: Int { head.status.code }

    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { head.headerFields[$0] }
    }
}

/// Sends one HTTP request. A protocol so tests can stand in for the network.
///
/// A request that gets no HTTP answer should throw `TransportError`, whose kind tells the
/// client whether the request can have reached the server. Any other error is treated as
/// "may have reached it"; `CancellationError` is passed through.
public protocol HTTPTransport: Sendable {
    func send(_ request: SignedRequest) async throws -> HTTPReply
}
