import CloudSimulator
import Foundation
import HuaweiCloud
import Reinstall
import ScreenCapture
import TerminalKit

@testable import App

/// The whole app in process: an `AppRuntime` on a `MemoryTerminal`, against the simulator over
/// loopback HTTP with real signing. A flow reads as the operator's keys, with no sleeps:
///
/// ```swift
/// let app = try await InProcessApp.start()
/// app.press(.enter)
/// await app.untilIdle()
/// #expect(app.screen.contains("Reinstall the OS of web-01"))
/// ```
@MainActor
final class InProcessApp {
    let cloud: TestCloud
    let terminal: MemoryTerminal
    let runtime: AppRuntime
    /// The clock the login probes wait on: a probe's next attempt comes when a test moves it.
    let probeClock: TestClock
    /// The known_hosts file the login checks read and edit: a scratch one of the test's.
    let knownHosts: URL

    /// Jobs are read every few milliseconds: when a job finishes is decided by the cloud's clock
    /// (`TestCloud.finishJobs`), not by waiting.
    static let quickPolls: PollSchedule = {
        var schedule = PollSchedule()
        schedule.youngInterval = .milliseconds(20)
        schedule.oldInterval = .milliseconds(20)
        schedule.failureBackoff = .milliseconds(20)
        schedule.jitter = 0
        return schedule
    }()

    private init(cloud: TestCloud, terminal: MemoryTerminal, runtime: AppRuntime, probeClock: TestClock, knownHosts: URL) {
        self.cloud = cloud
        self.terminal = terminal
        self.runtime = runtime
        self.probeClock = probeClock
        self.knownHosts = knownHosts
    }

    /// Starts the app (on a new simulator unless `cloud` is given) and waits until the list,
    /// the key pairs and the user id are in.
    /// - Parameters:
    ///   - login: how reinstalled servers are probed (default: the demo's, on the simulator's login
    ///     port when it has one).
    ///   - knownHosts: the known_hosts file (default: one that does not exist, in a scratch folder),
    ///     whatever `login` says.
    ///   - prepare: run before a login check first reads known_hosts (the demo makes its file then).
    static func start(cloud: TestCloud? = nil, journal: JobJournal? = nil, scopeMemory: ScopeMemory? = nil,
                      width: Int = 100, height: Int = 30,
                      login: ReadinessSettings? = nil, knownHosts: URL? = nil,
                      prepare: @escaping @Sendable () async throws -> Void = {}) async throws -> InProcessApp {
        let cloud = if let cloud { cloud } else { try await TestCloud.start() }
        let entries = try journal?.load().entries ?? []
        var state = AppState(mode: .demo, region: cloud.region, projectId: cloud.client.projectId,
                             size: TerminalSize(width: width, height: height), now: Date(), journal: entries)
        let file = knownHosts ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("known-hosts-\(UUID().uuidString)").appendingPathComponent("known_hosts")
        if let login {
            state.login = login
        } else {
            state.login.port = await cloud.simulator.loginPort
        }
        state.login.knownHostsFile = file
        let terminal = MemoryTerminal(width: width, height: height)
        let probeClock = TestClock()
        let started = Date()
        let readiness = ReadinessTools(
            clock: probeClock, now: { started.addingTimeInterval(probeClock.now.offset.timeInterval) }, prepare: prepare)
        let runtime = AppRuntime(state: state, terminal: terminal, client: cloud.client, journal: journal,
                                 pollSchedule: quickPolls, scopeMemory: scopeMemory, readiness: readiness)
        let app = InProcessApp(cloud: cloud, terminal: terminal, runtime: runtime, probeClock: probeClock, knownHosts: file)
        runtime.start()
        await app.untilIdle()
        return app
    }

    var state: AppState { runtime.state }
    /// The last frame, as text lines.
    var lines: [String] { terminal.screen.lines }
    var screen: String { lines.joined(separator: "\n") }
    /// Every frame shown so far, as text: what a secret must never appear in.
    var everyFrame: [String] { terminal.frames.map { $0.lines.joined(separator: "\n") } }

    /// Keys, one after another, then the frame.
    func press(_ keys: Key...) {
        keys.forEach(runtime.send)
        runtime.drain()
    }

    func press(_ key: Key, times: Int) {
        for _ in 0..<times { runtime.send(key) }
        runtime.drain()
    }

    /// Text typed character by character, then the frame.
    func type(_ text: String) {
        text.forEach { runtime.send(.character($0)) }
        runtime.drain()
    }

    /// Resizes the terminal, as dragging the window would, and lets the app hear of it.
    func resize(width: Int, height: Int) {
        terminal.resize(width: width, height: height)
        terminal.readAvailableKeys().forEach(runtime.send)
        runtime.drain()
    }

    func untilIdle() async { await runtime.untilIdle() }

    /// Waits for background news (a job's progress) until `condition` holds of the app.
    func until(_ condition: @escaping (InProcessApp) -> Bool) async {
        await runtime.until { _ in condition(self) }
    }

    /// Whether `text` is on screen, all of it in reverse video (a focused button, the selected row).
    func isReversed(_ text: String) -> Bool {
        MemoryScreenReading.reversedText(terminal.screen).contains { $0.contains(text) }
    }

    /// The name of the selected server, read from the screen as the operator sees it.
    var selectedServer: String? { state.servers.selected?.name }

    /// Selects `name` in the list with `j`, counting the presses from the order on screen.
    func select(_ name: String) {
        let names = AppScreen.serverNames(screen)
        guard let target = names.firstIndex(of: name),
              let current = selectedServer.flatMap(names.firstIndex(of:)), target >= current
        else { return }
        press(.character("j"), times: target - current)
    }

    /// Ends like a killed process: nothing drained, nothing written on the way out.
    func abandon() {
        runtime.runner.cancelAll()
    }

    /// Ends the session; the simulator too unless the test shares it.
    func stop(keepingCloud: Bool = false) async {
        runtime.runner.cancelAll()
        if !keepingCloud { await cloud.stop() }
    }
}

/// The simulator on a loopback port, and a client of it, with its own clock: a reinstall job
/// runs until a test moves that clock on.
final class TestCloud: Sendable {
    let simulator: CloudSimulator
    let clock: ManualClock
    let client: CloudClient
    let region: String

    static let jobDuration: Duration = .seconds(10)

    private init(simulator: CloudSimulator, clock: ManualClock, client: CloudClient, region: String) {
        self.simulator = simulator
        self.clock = clock
        self.client = client
        self.region = region
    }

    /// - Parameters:
    ///   - latency: how long every answer takes (real time).
    ///   - loginPorts: servers on loopback addresses, each answering with an SSH banner on the
    ///     simulator's login port once reinstalled.
    static func start(latency: Duration = .zero, loginPorts: Bool = false) async throws -> TestCloud {
        var configuration = SimulatorConfiguration(jobDuration: jobDuration, latency: latency)
        if loginPorts {
            configuration.loopbackAddresses = true
            configuration.loginListener = LoginListenerSettings()
        }
        let clock = ManualClock()
        let simulator = CloudSimulator(configuration: configuration, now: clock.now)
        let url = try await simulator.start(port: 0)
        let client = try await connectClient(configuration, url: url)
        return TestCloud(simulator: simulator, clock: clock, client: client, region: configuration.region)
    }

    /// A client of a simulator started with `configuration` at `url`: its keys, project and
    /// region, straight to loopback (never a proxy).
    static func connectClient(_ configuration: SimulatorConfiguration, url: URL,
                              retry: RetryPolicy = RetryPolicy()) async throws -> CloudClient {
        try await CloudClient.connect(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey,
                                     projectId: configuration.projectId),
            endpoints: Endpoints(region: configuration.region, override: url),
            transport: HTTPClientTransport(proxies: .direct), retry: retry)
    }

    /// Moves the cloud's clock past the end of every job started so far.
    func finishJobs() {
        clock.advance(by: Self.jobDuration + .seconds(1))
    }

    /// The reinstalls that reached the cloud.
    func reinstallPosts() async -> Int {
        await simulator.receivedRequests().filter { $0.method == "POST" && $0.path.hasSuffix("/reinstallos") }.count
    }

    func stop() async {
        await simulator.stop()
    }
}

/// Reading a `Screen`'s styles as `capture-pane -e` is read: the text drawn in reverse video.
enum MemoryScreenReading {
    /// For each line, the reverse-video text (wide characters once).
    static func reversedText(_ screen: Screen) -> [String] {
        (0..<screen.height).map { y in
            (0..<screen.width).map { x in
                let cell = screen[x, y]
                return cell.style.reverse ? cell.text : ""
            }.joined()
        }
    }
}
