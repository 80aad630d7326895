import Foundation
import HuaweiCloud
import Reinstall
import Synchronization
import Testing

@testable import App

/// The effect runner's own rules, with its work replaced by sleeps on a virtual clock: which task
/// a newer effect cancels, which it never cancels, what a finished task removes, how a failure is
/// told, and what counts as busy.
@Suite(.timeLimit(.minutes(1)))
struct EffectRunnerTests {
    /// A runner whose every effect sleeps on `clock` until the deadline it names, then answers
    /// with an event naming it; `settled` rings each time a counted effect finished.
    final class Bench: Sendable {
        let clock = TestClock()
        let log = EventLog()
        let runner: EffectRunner
        private let rings: AsyncStream<Void>

        init(throwing error: (any Error & Sendable)? = nil) {
            let (rings, ring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            self.rings = rings
            let clock = clock
            runner = EffectRunner(
                journal: JournalWriter(journal: nil), now: { Date(timeIntervalSince1970: 0) },
                perform: { effect in
                    // The effect says when it answers (at n seconds), so the order the tasks
                    // happen to start in does not matter.
                    let tag: String
                    switch effect {
                    case let .readUserData(path): tag = path
                    case let .submitReinstall(plan): tag = plan.serverName
                    default: tag = "1"
                    }
                    try await clock.sleep(until: TestClock.Instant(offset: .seconds(Int(tag) ?? 1)))
                    if let error { throw error }
                    if case let .submitReinstall(plan) = effect {
                        return .reinstallFailed(serverId: plan.serverId, "answer \(tag)")
                    }
                    return .userIdLoaded("answer \(tag)")
                },
                settled: { ring.yield() },
                send: log.append)
        }

        /// Waits (on the runner's own news, no sleeping) until at most `count` counted effects run.
        func untilBusy(atMost count: Int) async {
            var iterator = rings.makeAsyncIterator()
            while runner.busyEffects > count {
                _ = await iterator.next()
            }
        }

        var received: [AppEvent] { log.all }
    }

    /// A plan for s-web whose answer comes at `second` (the tag rides on the name; the key is the id).
    static func plan(answeringAt second: Int) -> ReinstallPlan {
        ReinstallPlan(serverId: "s-web", serverName: String(second), api: .v2,
                      request: ReinstallRequest(keyName: "ops", withStopServer: true))
    }
    static let plan = plan(answeringAt: 1)

    @Test func aNewerEffectWithTheSameKeyCancelsTheOlder() async {
        let bench = Bench()
        bench.runner.run(.readUserData(path: "1"))
        bench.runner.run(.readUserData(path: "2"))
        bench.clock.advance(by: .seconds(2))  // both deadlines have come
        await bench.untilBusy(atMost: 0)
        #expect(bench.received == [.userIdLoaded("answer 2")], "only the newer one answers")
        #expect(bench.runner.runningKeys.isEmpty)
    }

    @Test func effectsWithOtherKeysRunSideBySide() async {
        let bench = Bench()
        bench.runner.run(.loadUserId)
        bench.runner.run(.loadKeypairs(scope: "r/p"))
        bench.clock.advance(by: .seconds(2))
        await bench.untilBusy(atMost: 0)
        #expect(bench.received.count == 2)
    }

    @Test func aSubmissionIsNeverCancelledByTheNextOne() async {
        let bench = Bench()
        bench.runner.run(.submitReinstall(Self.plan(answeringAt: 1)))
        bench.runner.run(.submitReinstall(Self.plan(answeringAt: 2)))
        bench.clock.advance(by: .seconds(2))
        await bench.untilBusy(atMost: 0)
        #expect(bench.received.count == 2, "\(bench.received)")
        #expect(bench.received.contains(.reinstallFailed(serverId: "s-web", "answer 1")),
                "the first was still in flight: it is never abandoned")
    }

    @Test func aFinishedTaskRemovesOnlyItsOwnEntry() async {
        let bench = Bench()
        bench.runner.run(.readUserData(path: "1"))  // replaced at once
        bench.runner.run(.readUserData(path: "2"))
        await bench.untilBusy(atMost: 1)  // the replaced one has ended
        #expect(bench.runner.runningKeys == ["userdata"], "the newer task keeps its entry, so it can still be cancelled")
        bench.runner.cancelAll()
        await bench.untilBusy(atMost: 0)
        // Past the read's deadline: a task cancelAll missed would answer now.
        bench.clock.advance(by: .seconds(3))
        await bench.untilBusy(atMost: 0)
        #expect(bench.runner.runningKeys.isEmpty)
        #expect(bench.received.isEmpty, "cancelAll reached the newer task through its entry")
    }

    @Test func timersAndWatchesAreNotBusy() async {
        let bench = Bench()
        bench.runner.run(.scheduleTick(after: .seconds(1)))
        bench.runner.run(.scheduleListRetry(after: .seconds(1)))
        #expect(bench.runner.busyEffects == 0)
        bench.runner.run(.loadKeypairs(scope: "r/p"))
        #expect(bench.runner.busyEffects == 1)
        bench.clock.advance(by: .seconds(3))
        await bench.untilBusy(atMost: 0)
        #expect(bench.runner.busyEffects == 0)
        bench.runner.cancelAll()
    }

    @Test("A thrown error becomes the effect's failure event; a cancellation says nothing",
          arguments: [
            (Effect.loadImage(id: "img-1", scope: "r/p"), CloudError.transport("timed out"),
             AppEvent.imageFailed(id: "img-1", .transport("timed out"), scope: "r/p")),
            (Effect.listServers(generation: 3), CloudError.api(status: 403, code: "Ecs.0003", message: "no", requestId: nil),
             AppEvent.serverListingFailed(generation: 3, .api(status: 403, code: "Ecs.0003", message: "no", requestId: nil))),
            (Effect.loadKeypairs(scope: "r/p"), CloudError.transport("reset"),
             AppEvent.keypairsFailed(.transport("reset"), scope: "r/p")),
            (Effect.submitReinstall(plan), CloudError.transport("reset"),
             AppEvent.reinstallFailed(serverId: "s-web", CloudError.transport("reset").message)),
          ])
    func errorsAreMappedToEvents(effect: Effect, error: CloudError, expected: AppEvent) async {
        let bench = Bench(throwing: error)
        bench.runner.run(effect)
        bench.clock.advance(by: .seconds(1))
        await bench.untilBusy(atMost: 0)
        #expect(bench.received == [expected])
    }

    @Test func anErrorThatIsNotTheCloudsKeepsItsOwnWords() async {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        let bench = Bench(throwing: DiskFull())
        bench.runner.run(.loadUserId)
        bench.clock.advance(by: .seconds(1))
        await bench.untilBusy(atMost: 0)
        #expect(bench.received == [.userIdFailed(.configuration("the disk is full"))])
    }

    @Test func aCancellationIsNotAFailure() async {
        let bench = Bench(throwing: CancellationError())
        bench.runner.run(.loadUserId)
        bench.clock.advance(by: .seconds(1))
        await bench.untilBusy(atMost: 0)
        #expect(bench.received.isEmpty)
    }
}

extension EffectRunnerTests {
    /// A probe's failures are answers; an unexpected error ends the check and is said on its
    /// line, not as a problem of the journal.
    @Test func anUnexpectedProbeErrorEndsTheCheckNotTheJournal() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no event loop" } }
        let bench = Bench(throwing: Broken())
        var state = Fixtures.loadedState()
        state.login.policy = .realCloud
        LoginSamples.finishWeb(&state)
        bench.runner.run(.probeLogin(jobId: LoginSamples.jobId, check: 0, LoginSamples.target, state.login))
        bench.clock.advance(by: .seconds(1))
        // A probe is background work, not counted as busy: its event is awaited (the suite's time limit bounds it).
        while bench.received.isEmpty { await Task.yield() }
        let event = try #require(bench.received.first)
        _ = reduce(&state, event)
        #expect(state.journalProblem == nil)
        #expect(state.jobs[0].login?.isChecking == false)
        #expect(LoginWording.pane(state.jobs[0].login!).0.hasPrefix("not probed: the check failed: no event loop"),
                "\(LoginWording.pane(state.jobs[0].login!).0)")
    }
}
