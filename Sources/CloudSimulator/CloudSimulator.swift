import Foundation
import HuaweiCloud
import Hummingbird
import Logging
import ServiceLifecycle

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
        // The login port is chosen first, so it can be told before any server is reinstalled.
        _ = try await engine.loginListeners?.resolvedPort()
        return try await lifecycle.start(port: port, engine: engine, latency: configuration.latency)
    }

    /// Stops listening, login ports included; the state is kept, so a later `start` serves the
    /// same servers and jobs (a login port opens again when its server is next reinstalled).
    public func stop() async {
        await lifecycle.stop()
        await engine.loginListeners?.closeAll()
    }

    /// The port reinstalled servers' login listeners use, once started; nil when there are none.
    public var loginPort: Int? {
        get async { await engine.loginListeners?.port }
    }

    /// Whether the login port of `serverId` is open (ACTIVE after a rebuild, booted).
    public func isLoginPortOpen(serverId: String) async -> Bool {
        await engine.loginListeners?.isListening(serverId: serverId) ?? false
    }

    /// How many login ports are still waiting for their boot delay.
    var pendingLoginPorts: Int {
        get async { await engine.loginListeners?.pendingOpenings ?? 0 }
    }

    /// The URL the simulator listens on, or nil when stopped.
    public var url: URL? {
        get async { await lifecycle.url }
    }

    // MARK: Test hooks (read-only views of the state, with time applied)

    public func server(id: String) async -> Server? { await engine.server(id: id) }
    public func servers() async -> [Server] { await engine.servers() }
    public func job(id: String) async -> Job? { await engine.job(id: id) }
    /// The login the reinstall of job `jobId` was sent with.
    public func reinstallLogin(jobId: String) async -> ReinstallLogin? { await engine.login(jobId: jobId) }
    /// The requests that reached the HTTP layer, valid or not, in order of arrival (the latest
    /// 10,000 at most).
    public func receivedRequests() async -> [ReceivedRequest] { await engine.received }

    // MARK: Fault injection

    /// Replaces the fault plan from now on (the generator keeps its place in the sequence).
    public func setFaultPlan(_ plan: FaultPlan) async { await engine.setFaultPlan(plan) }

    /// The next `count` authenticated requests (of `method`, when given: e.g. "POST" to hit a
    /// reinstall but not the reads around it) suffer `fault`, whatever the plan; for `.lostJob`,
    /// the next `count` jobs created are lost. Forced faults come first, in order.
    public func inject(_ fault: Fault, count: Int = 1, method: String? = nil) async {
        await engine.inject(fault, count: count, method: method)
    }

    /// The next `count` requests for page `page` of the server list (`offset`, as the API numbers
    /// pages) fail as the gateway's 500s do, whatever the plan: a listing that stops part-way.
    public func failServerListPage(_ page: Int, count: Int = 1) async {
        await engine.failServerListPage(page, count: count)
    }
}

/// Starts and stops the Hummingbird application.
actor Lifecycle {
    private var task: Task<Void, Never>?
    private var engine: SimulatorEngine?
    /// Runs the application, so that `stop()` can shut it down gracefully: see there.
    private var group: ServiceGroup?
    private(set) var url: URL?

    enum StartError: Error, CustomStringConvertible {
        case notListening
        var description: String { "the simulator's HTTP server stopped before it was listening" }
    }

    func start(port: Int, engine: SimulatorEngine, latency: Duration) async throws -> URL {
        if let url { return url }
        self.engine = engine
        await engine.setStopping(false)
        let (ports, continuation) = AsyncThrowingStream<Int, Error>.makeStream()
        let logger = Logger(label: "CloudSimulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let application = Application(
            responder: HTTPGlue.responder(engine: engine, latency: latency),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
            },
            logger: logger)
        var groupConfiguration = ServiceGroupConfiguration(services: [application], logger: logger)
        // Past this, the group falls back to cancelling (a stuck client must not hang `stop()`).
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        self.group = group
        task = Task {
            do {
                try await group.run()
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
        await engine?.setStopping(true)
        // A graceful shutdown, not `task.cancel()`: cancelling ends Hummingbird's accept loop
        // while the socket still accepts, and a connection accepted in that window is dropped
        // unserved; NIO then traps on its unfinished writer ("Deinited NIOAsyncWriter without
        // calling finish()", apple/swift-nio#3481). Hung requests let go on `setStopping`.
        await group?.triggerGracefulShutdown()
        await task.value
        self.task = nil
        group = nil
        url = nil
    }
}
