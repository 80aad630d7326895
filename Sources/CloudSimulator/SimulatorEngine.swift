import Foundation
import HuaweiCloud

/// The one owner of the mutable state.
actor SimulatorEngine {
    private var core: SimulatorCore
    private let now: @Sendable () -> Date
    /// Set while the HTTP server shuts down, so hung requests let go instead of holding it up.
    private(set) var isStopping = false

    /// The reinstalled servers' login ports, when the simulator plays them.
    let loginListeners: LoginListeners?

    init(core: SimulatorCore, now: @escaping @Sendable () -> Date) {
        self.core = core
        self.now = now
        loginListeners = core.configuration.loginListener.map(LoginListeners.init)
    }

    func handle(_ request: SimulatorRequest, injectFaults: Bool = true) async -> SimulatorOutcome {
        let outcome = core.handle(request, now: now(), requestId: Self.requestId(), injectFaults: injectFaults)
        await applyLoginEvents()
        return outcome
    }

    func server(id: String, projectId: String? = nil) async -> Server? {
        core.activate(projectId ?? core.configuration.projectId)
        core.settle(now: now())
        await applyLoginEvents()
        return core.server(id: id)
    }

    func serversOfEveryProject() async -> [Server] {
        var all: [Server] = []
        for project in core.projects { all += await servers(projectId: project.id) }
        return all
    }

    func servers(projectId: String? = nil) async -> [Server] {
        core.activate(projectId ?? core.configuration.projectId)
        core.settle(now: now())
        await applyLoginEvents()
        return core.servers
    }

    /// Opens and closes login ports as rebuilds ended and began, before the answer that shows
    /// it goes out: a client that sees the server ACTIVE finds its port bound (after the boot delay).
    private func applyLoginEvents() async {
        guard !core.loginEvents.isEmpty else { return }
        let events = core.loginEvents
        core.loginEvents = []
        guard let loginListeners else { return }
        for event in events {
            switch event {
            case let .up(serverId, address): await loginListeners.open(serverId: serverId, address: address)
            case let .down(serverId): await loginListeners.close(serverId: serverId)
            }
        }
    }

    func job(id: String) -> Job? {
        core.job(id: id, now: now())
    }

    func login(jobId: String) -> ReinstallLogin? { core.login(jobId: jobId) }

    func setFaultPlan(_ plan: FaultPlan) { core.faults.plan = plan }

    func inject(_ fault: Fault, count: Int, method: String?) { core.faults.force(fault, count: count, method: method) }

    func failServerListPage(_ page: Int, count: Int) { core.faults.failPage(page, count: count) }

    func setStopping(_ stopping: Bool) { isStopping = stopping }

    /// The requests that arrived, in order, before any check: what a client really sent. Only the
    /// latest `receivedLimit` are kept, so a long-running simulator does not grow without bound.
    private(set) var received: [ReceivedRequest] = []
    static let receivedLimit = 10_000

    func record(method: String, path: String, query: String?, bodyBytes: Int) {
        if received.count >= Self.receivedLimit { received.removeFirst(received.count / 2) }
        received.append(ReceivedRequest(method: method, path: path, query: query, bodyBytes: bodyBytes))
        if core.configuration.logsRequests {
            FileHandle.standardError.write(Data("request: \(method) \(path)\(query.map { "?" + $0 } ?? "")\n".utf8))
        }
    }

    static func requestId() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
