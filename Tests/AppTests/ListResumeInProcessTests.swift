import CloudSimulator
import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// A listing that stopped at a failed page, retried in process against the simulator over real
/// HTTP: the retry asks for the failed page and those after it, never again for the pages loaded.
@Suite(.timeLimit(.minutes(1)))
struct ListResumeInProcessTests {
    static let listPath = "/cloudservers/detail"

    final class Harness: Sendable {
        let simulator: CloudSimulator
        let runner: EffectRunner
        let events: AsyncStream<AppEvent>

        init(servers: Int) async throws {
            let configuration = SimulatorConfiguration()
            simulator = CloudSimulator(configuration: configuration,
                                       dataSet: .generated(servers: servers, seed: 7))
            let url = try await simulator.start(port: 0)
            // One attempt per page, so one injected 500 stops the listing there.
            let client = try await TestCloud.connectClient(configuration, url: url, retry: RetryPolicy(maxAttempts: 1))
            let (stream, continuation) = AsyncStream.makeStream(of: AppEvent.self)
            events = stream
            runner = EffectRunner(client: client, journal: nil, scope: JournalEntry.demoScope) { _ = continuation.yield($0) }
        }

        /// The page numbers of the server listings the simulator received, in order.
        func pagesAsked() async -> [Int] {
            await simulator.receivedRequests()
                .filter { $0.method == "GET" && $0.path.hasSuffix(ListResumeInProcessTests.listPath) }
                .compactMap { $0.queryValue("offset").flatMap { Int($0) } }
        }

        /// Runs the listing effects among `effects`, then reduces events until the listing ends.
        func list(_ state: inout AppState, _ effects: [Effect]) async -> AppEvent? {
            for effect in effects { if case .listServers = effect { runner.run(effect) } }
            for await event in events {
                _ = reduce(&state, event)
                switch event {
                case .serverListingFailed, .serverListingFinished: return event
                default: continue
                }
            }
            return nil
        }

        func stop() async {
            runner.cancelAll()
            await simulator.stop()
        }
    }

    @Test func aRetryFetchesOnlyTheMissingPages() async throws {
        let harness = try await Harness(servers: 450)
        defer { Task { await harness.stop() } }
        await harness.simulator.failServerListPage(3)
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: SimulatorConfiguration().projectId,
                             size: TerminalSize(width: 120, height: 35), now: Date())
        let first = await harness.list(&state, startup(&state))
        guard case .serverListingFailed? = first else {
            Issue.record("expected the listing to stop at page 3, got \(String(describing: first))")
            return
        }
        #expect(state.servers.loadingStopped)
        #expect(state.servers.catalog.count == 200, "pages 1 and 2 are loaded")
        let before = await harness.pagesAsked()
        #expect(Set(before).isSuperset(of: [1, 2, 3]), "\(before)")

        let retry = reduce(&state, .listRetryDue)
        #expect(retry == [.listServers(generation: state.servers.generation, fromPage: 3)])
        #expect(state.servers.catalog.count == 200, "the rows loaded stay while the rest load")
        let second = await harness.list(&state, retry)
        guard case .serverListingFinished? = second else {
            Issue.record("expected the retry to complete, got \(String(describing: second))")
            return
        }
        let retried = Array(await harness.pagesAsked().dropFirst(before.count))
        #expect(retried.sorted() == [3, 4, 5], "only the failed page and those after it: \(retried)")
        #expect(state.servers.catalog.count == 450)
        #expect(!state.servers.loadingStopped)
        #expect(render(state).lines[1].contains("450 servers"), "\(render(state).lines[1])")
    }

    @Test func aFirstPageThatFailsIsRetriedByItself() async throws {
        let harness = try await Harness(servers: 150)
        defer { Task { await harness.stop() } }
        await harness.simulator.failServerListPage(1)
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: SimulatorConfiguration().projectId,
                             size: TerminalSize(width: 120, height: 35), now: Date())
        let effects = startup(&state)
        guard case let .serverListingFailed(generation, error)? = await harness.list(&state, effects) else {
            Issue.record("expected the first page to fail")
            return
        }
        #expect(generation == state.servers.generation && error.isTransient)
        #expect(state.servers.firstPageRetrying)
        #expect(render(state).lines.joined().contains("Retried by itself with back-off"))
        let retry = reduce(&state, .listRetryDue)
        #expect(retry == [.listServers(generation: state.servers.generation)])
        guard case .serverListingFinished? = await harness.list(&state, retry) else {
            Issue.record("expected the retry to complete")
            return
        }
        #expect(state.servers.catalog.count == 150)
        #expect(!state.servers.firstPageRetrying)
    }
}
