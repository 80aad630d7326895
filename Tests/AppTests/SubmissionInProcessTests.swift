import CloudSimulator
import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// The reducer and the effect runner, in process, against the simulator over real HTTP and real
/// signing: what reaches the cloud is counted by the simulator, not by the client.
@Suite(.timeLimit(.minutes(1)))
struct SubmissionInProcessTests {
    static let web01 = "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01"

    /// The app's loop, minus the terminal: events from the runner are reduced one at a time, and
    /// effects go back to the runner.
    final class Harness: Sendable {
        let simulator: CloudSimulator
        let client: CloudClient
        let runner: EffectRunner
        let events: AsyncStream<AppEvent>

        init(latency: Duration) async throws {
            let configuration = SimulatorConfiguration(jobDuration: .seconds(600), latency: latency)
            simulator = CloudSimulator(configuration: configuration)
            let url = try await simulator.start(port: 0)
            client = try await TestCloud.connectClient(configuration, url: url)
            let (stream, continuation) = AsyncStream.makeStream(of: AppEvent.self)
            events = stream
            runner = EffectRunner(client: client, journal: nil, scope: JournalEntry.demoScope) { event in _ = continuation.yield(event) }
        }

        func posts() async -> Int {
            await simulator.receivedRequests().filter { $0.method == "POST" && $0.path.hasSuffix("/reinstallos") }.count
        }

        /// Reduces the runner's events until one matches, running the effects they ask for.
        func reduceUntil(_ state: inout AppState, _ what: (AppEvent) -> Bool) async -> AppEvent? {
            for await event in events {
                run(reduce(&state, event))
                if what(event) { return event }
            }
            return nil
        }

        /// Only the effects this test is about: the submission (the rest would list, poll, tick).
        func run(_ effects: [Effect]) {
            for effect in effects {
                if case .submitReinstall = effect { runner.run(effect) }
            }
        }

        func stop() async {
            runner.cancelAll()
            await simulator.stop()
        }
    }

    /// web-01's form, reviewed and confirmed with the simulator's own server, image and key pairs.
    private func confirmedForm(_ harness: Harness) async throws -> (AppState, [Effect]) {
        let server = try await harness.client.showServer(id: Self.web01)
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: harness.client.projectId,
                             size: TerminalSize(width: 100, height: 30), now: Date())
        _ = startup(&state)
        _ = reduce(&state, .serverPage(generation: state.servers.generation, ServerPage(count: 1, servers: [server])))
        _ = reduce(&state, .keypairsLoaded(try await harness.client.keypairs(), scope: state.journalScope))
        _ = reduce(&state, .userIdLoaded(SimulatorConfiguration().userId))
        state.servers.selectedId = server.id
        _ = reduce(&state, .key(.enter))
        if let imageId = server.imageId {
            _ = reduce(&state, .imageLoaded(id: imageId, try await harness.client.image(id: imageId), scope: state.journalScope))
        }
        #expect(state.form?.server.id == server.id)
        let effects = FormKeys.reviewAndConfirm(&state)
        return (state, effects)
    }

    @Test func escWhileSubmittingThenEnterIsRefusedAndOnePostArrives() async throws {
        let harness = try await Harness(latency: .milliseconds(400))
        defer { Task { await harness.stop() } }
        var (state, effects) = try await confirmedForm(harness)
        #expect(FormKeys.plan(effects) != nil, "\(effects) \(String(describing: state.form?.error))")
        #expect(state.submissions.count == 1, "\(state.submissions)")
        harness.run(effects)

        // The API is slow; the operator gives up waiting on the form, and tries again.
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
        #expect(ServerRowContext(state).jobLabel(try #require(state.servers.selected)) == "SUBMITTING")
        let again = reduce(&state, .key(.enter))
        #expect(state.form == nil, "Enter on the server being submitted is refused")
        #expect(state.flash?.text.contains("being submitted") == true)
        harness.run(again)

        let answer = await harness.reduceUntil(&state) {
            if case .reinstallAccepted = $0 { return true }
            if case .reinstallFailed = $0 { return true }
            return false
        }
        guard case .reinstallAccepted = answer else {
            Issue.record("expected the reinstall accepted, got \(String(describing: answer))")
            return
        }
        #expect(await harness.posts() == 1, "exactly one reinstall reached the cloud")
        #expect(state.submissions.isEmpty)
        #expect(state.jobs.count == 1)
        #expect(state.jobs.first?.entry.requestId?.isEmpty == false, "the submission's X-Request-Id is kept for its details")
    }

    @Test func aJobAnotherActorStartedAfterTheFormOpenedMeansNothingIsSent() async throws {
        let harness = try await Harness(latency: .zero)
        defer { Task { await harness.stop() } }
        var (state, effects) = try await confirmedForm(harness)
        // Meanwhile, someone else's script reinstalls web-01: the TUI still shows it ACTIVE.
        let other = await harness.client.reinstallSafely(
            serverId: Self.web01, api: .v2,
            request: ReinstallRequest(keyName: "ops-ed25519", userId: SimulatorConfiguration().userId, withStopServer: true))
        #expect(other.jobId != nil)
        #expect(state.servers.selected?.status == .active)

        harness.run(effects)
        let answer = await harness.reduceUntil(&state) {
            if case .reinstallFailed = $0 { return true }
            if case .reinstallAccepted = $0 { return true }
            return false
        }
        guard case let .reinstallFailed(_, message)? = answer else {
            Issue.record("expected a refusal, got \(String(describing: answer))")
            return
        }
        #expect(message.hasPrefix("Nothing was sent; web-01 is busy"), "\(message)")
        #expect(await harness.posts() == 1, "only the other actor's reinstall reached the cloud")
        #expect(state.form?.error == message, "the form says who is busy")
        #expect(state.submissions.isEmpty)
    }
}
