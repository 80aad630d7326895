import Foundation
import HTTPTypes
import HuaweiCloud
import Hummingbird
import Logging
import NIOCore

/// The fake Huawei Cloud: IAM, ECS, IMS and KPS routes on one local HTTP port, with the
/// gateway's AK/SK signature check and stateful servers and reinstall jobs.
///
/// ```swift
/// let simulator = CloudSimulator(configuration: .init())
/// let url = try await simulator.start()      // http://127.0.0.1:38211
/// …
/// await simulator.stop()
/// ```
public final class CloudSimulator: Sendable {
    public let configuration: SimulatorConfiguration
    private let engine: SimulatorEngine
    private let lifecycle = Lifecycle()

    /// - Parameter now: the simulator's clock. Job progress and the `X-Sdk-Date` check read it;
    ///   pass `ManualClock.now` to step through a job without waiting.
    public init(
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        dataSet: SimulatorDataSet = .demo,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        engine = SimulatorEngine(core: SimulatorCore(configuration: configuration, dataSet: dataSet), now: now)
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port), serves in the background, returns once listening.
    /// Calling it again while running returns the same URL.
    public func start(port: Int = 0) async throws -> URL {
        try await lifecycle.start(port: port, engine: engine)
    }

    /// Stops listening; the state is kept, so a later `start` serves the same servers and jobs.
    public func stop() async {
        await lifecycle.stop()
    }

    /// The URL the simulator listens on, or nil when stopped.
    public var url: URL? {
        get async { await lifecycle.url }
    }

    // MARK: Test hooks (read-only views of the state, with time applied)

    public func server(id: String) async -> Server? { await engine.server(id: id) }
    public func servers() async -> [Server] { await engine.servers() }
    public func job(id: String) async -> Job? { await engine.job(id: id) }
}

/// The one owner of the mutable state.
actor SimulatorEngine {
    private var core: SimulatorCore
    private let now: @Sendable () -> Date

    init(core: SimulatorCore, now: @escaping @Sendable () -> Date) {
        self.core = core
        self.now = now
    }

    func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        core.handle(request, now: now(), requestId: Self.requestId())
    }

    func server(id: String) -> Server? {
        core.settle(now: now())
        return core.server(id: id)
    }

    func servers() -> [Server] {
        core.settle(now: now())
        return core.servers
    }

    func job(id: String) -> Job? {
        core.job(id: id, now: now())
    }

    static func requestId() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}

/// Starts and stops the Hummingbird application.
actor Lifecycle {
    private var task: Task<Void, Never>?
    private(set) var url: URL?

    enum StartError: Error, CustomStringConvertible {
        case notListening
        var description: String { "the simulator's HTTP server stopped before it was listening" }
    }

    func start(port: Int, engine: SimulatorEngine) async throws -> URL {
        if let url { return url }
        let (ports, continuation) = AsyncThrowingStream<Int, Error>.makeStream()
        let application = Application(
            responder: HTTPGlue.responder(engine: engine),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
            },
            logger: Logger(label: "CloudSimulator", factory: { _ in SwiftLogNoOpLogHandler() }))
        task = Task {
            do {
                try await application.run()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        for try await bound in ports {
            let url = URL(string: "http://127.0.0.1:\(bound)") ?? URL(fileURLWithPath: "/")
            self.url = url
            return url
        }
        throw StartError.notListening
    }

    func stop() async {
        guard let task else { return }
        task.cancel()
        await task.value
        self.task = nil
        url = nil
    }
}

/// Converts between Hummingbird's requests and responses and the simulator's own.
enum HTTPGlue {
    static let maximumBody = 12 * 1024 * 1024  // the gateway's AK/SK limit

    static func responder(engine: SimulatorEngine) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: maximumBody)
            } catch {
                let requestId = SimulatorEngine.requestId()
                let failure = APIFailure.gateway(413, "APIGW.0201", "Request entity too large: the body exceeds 12 MB")
                return response(SimulatorResponse(status: 413, body: failure.body.encoded(requestId: requestId), requestId: requestId))
            }
            let simulated = SimulatorRequest(
                method: request.method.rawValue,
                rawPath: request.uri.path,
                rawQuery: request.uri.query,
                headers: headers(of: request),
                body: Data(body.readableBytesView))
            return response(await engine.handle(simulated))
        }
    }

    /// Header fields by lowercased name. HTTP/1 `Host` arrives as the request's authority.
    static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + "," + field.value } ?? field.value
        }
        if headers["host"] == nil, let authority = request.head.authority {
            headers["host"] = authority
        }
        return headers
    }

    static func response(_ reply: SimulatorResponse) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json;charset=UTF-8"
        if let name = HTTPField.Name("X-Request-Id") { fields[name] = reply.requestId }
        return Response(
            status: HTTPResponse.Status(code: reply.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
