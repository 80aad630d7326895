import Foundation
import Synchronization
import Testing

@testable import HuaweiCloud

/// A transport that answers from a queue of canned steps, in order, and records every request.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPReply)
        case fail(any Error & Sendable)
    }

    private struct State {
        var steps: [Step]
        var requests: [SignedRequest] = []
    }
    private let state: Mutex<State>

    init(_ steps: [Step]) { state = Mutex(State(steps: steps)) }

    var requests: [SignedRequest] { state.withLock { $0.requests } }
    var methods: [String] { requests.map(\.method.rawValue) }
    var remaining: Int { state.withLock { $0.steps.count } }

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        let step = state.withLock { state -> Step? in
            state.requests.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case let .respond(response)?: return response
        case let .fail(error)?: throw error
        case nil:
            Issue.record("unexpected request \(request.method) \(request.url?.absoluteString ?? "?")")
            throw TransportError(.other, "the script has no more answers")
        }
    }
}

/// A transport that answers each request with a function of it (for concurrent calls).
final class RoutedTransport: HTTPTransport {
    let route: @Sendable (SignedRequest) throws -> HTTPReply
    private let log = Mutex<[SignedRequest]>([])

    init(_ route: @escaping @Sendable (SignedRequest) throws -> HTTPReply) { self.route = route }

    var requests: [SignedRequest] { log.withLock { $0 } }

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        log.withLock { $0.append(request) }
        return try route(request)
    }
}

/// Time that passes only when the retry loop sleeps; records each sleep.
final class VirtualTime: Sendable {
    private let start = ContinuousClock.now
    private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    var clock: RetryClock {
        RetryClock(
            now: { [self] in start + state.withLock { $0.elapsed } },
            sleep: { [self] duration in state.withLock { $0.elapsed += duration; $0.sleeps.append(duration) } },
            random: { 1 })
    }
}

extension HTTPReply {
    static func json(_ status: Int, _ body: String, requestId: String? = "req-1", headers: [String: String] = [:]) -> HTTPReply {
        var all = headers
        if let requestId { all["X-Request-Id"] = requestId }
        all["Content-Type"] = "application/json"
        return HTTPReply(status: status, headers: all, body: Data(body.utf8))
    }
}

extension ScriptedTransport.Step {
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Self {
        .respond(.json(status, body, headers: headers))
    }

    static func server(_ id: String = "s1", status: String, taskState: String? = nil) -> Self {
        let task = taskState.map { "\"\($0)\"" } ?? "null"
        return .json(200, #"{"server":{"id":"\#(id)","name":"web","status":"\#(status)","OS-EXT-STS:task_state":\#(task)}}"#)
    }

    static let timeout = Self.fail(TransportError(.timedOut, "the request timed out"))
    static let refused = Self.fail(TransportError(.connectionRefused, "the connection was refused"))
    static let lost = Self.fail(TransportError(.connectionLost, "the connection was lost"))
}

enum Fixture {
    static let secretKey = "SK-0123456789-very-secret-key-material"
    static let token = "TOKEN-gQpjbi1ub3J0aC00-temporary-token"
    static let password = "Xk7#pQ2v9!Lm"

    static func client(
        _ transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), time: VirtualTime = VirtualTime(),
        token: Bool = false
    ) -> CloudClient {
        var client = CloudClient(
            credentials: Credentials(accessKey: "HPUAK0000000000000001", secretKey: Secret(secretKey),
                                     securityToken: token ? Secret(Self.token) : nil, projectId: "p1"),
            endpoints: Endpoints(region: "cn-north-4"), projectId: "p1", transport: transport, retry: retry,
            now: { Date(timeIntervalSince1970: 1_735_718_400) })
        client.retryClock = time.clock
        return client
    }
}

extension SignedRequest {
    /// The URL, for assertions: every signed request has one.
    var sentURL: URL { url ?? URL(fileURLWithPath: "/no-url") }

    /// The header fields, looked up case-insensitively; `Host` is the authority, as HTTP/1 sends it.
    var headers: HeaderLookup { HeaderLookup(request: self) }
}

struct HeaderLookup {
    let request: SignedRequest
    subscript(name: String) -> String? {
        name.lowercased() == "host" ? request.head.authority : request.header(name)
    }

    /// Every field by its name as written, `Host` included.
    var all: [String: String] {
        var fields: [String: String] = [:]
        for field in request.head.headerFields { fields[field.name.rawName] = field.value }
        if let authority = request.head.authority { fields["Host"] = authority }
        return fields
    }
}
