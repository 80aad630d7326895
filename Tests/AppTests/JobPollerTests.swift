import Foundation
import HuaweiCloud
import Reinstall
import Synchronization
import Testing

@testable import App

/// Answers job and server reads from scripts, counting every call.
final class ScriptedJobSource: JobSource {
    private let jobs: Mutex<[Result<Job.Status, CloudError>]>
    private let servers: Mutex<[(ServerStatus, String?)]>
    let jobCalls = Mutex(0)
    let serverCalls = Mutex(0)

    init(jobs: [Result<Job.Status, CloudError>], servers: [(ServerStatus, String?)] = []) {
        self.jobs = Mutex(jobs)
        self.servers = Mutex(servers)
    }

    func readJob(id: String) async throws -> Job {
        jobCalls.withLock { $0 += 1 }
        let next = jobs.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        let status = try next.get()
        return Job(jobId: id, jobType: "rebuildServer", status: status, beginTime: nil, endTime: nil,
                   errorCode: status == .fail ? "Ecs.1002" : nil, failReason: nil, entities: nil)
    }

    func readServer(id: String) async throws -> Server {
        serverCalls.withLock { $0 += 1 }
        let (status, task) = servers.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        var server = Fixtures.web
        server.status = status
        server.taskState = task
        return server
    }
}

/// Throttles the first job read (with Retry-After), then answers RUNNING.
final class ThrottledOnceSource: JobSource {
    let error: PacedReadFailure
    let calls = Mutex(0)

    init(error: PacedReadFailure) { self.error = error }

    func readJob(id: String) async throws -> Job {
        let call = calls.withLock { $0 += 1; return $0 }
        if call == 1 { throw error }
        return Job(jobId: id, jobType: "rebuildServer", status: .running, beginTime: nil, endTime: nil,
                   errorCode: nil, failReason: nil, entities: nil)
    }

    func readServer(id: String) async throws -> Server { Fixtures.web }
}

/// Fails the first job read with `CancellationError` (what the transport makes of a request it
/// cancelled), then answers RUNNING.
final class CancelledOnceSource: JobSource {
    let calls = Mutex(0)

    func readJob(id: String) async throws -> Job {
        let call = calls.withLock { $0 += 1; return $0 }
        if call == 1 { throw CancellationError() }
        return Job(jobId: id, jobType: "rebuildServer", status: .running, beginTime: nil, endTime: nil,
                   errorCode: nil, failReason: nil, entities: nil)
    }

    func readServer(id: String) async throws -> Server { Fixtures.web }
}

/// Collects the poller's events.
final class EventLog: Sendable {
    private let events = Mutex<[AppEvent]>([])
    func append(_ event: AppEvent) { events.withLock { $0.append(event) } }
    var all: [AppEvent] { events.withLock { $0 } }
    /// Every change the followers reported, in order.
    var changes: [JobFollower.Change] {
        all.flatMap { event -> [JobFollower.Change] in
            if case let .jobFollowed(followed) = event { return followed.step.changes }
            return []
        }
    }
}

struct JobPollerTests {
    let clock = TestClock()
    let log = EventLog()
    let watch = JournalEntry(jobId: "job-1", serverId: "s-web", serverName: "web-01", api: .v2, scope: "demo",
                             submittedAt: Fixtures.now)

    private func poller(_ source: any JobSource, age: TimeInterval = 0) -> JobPoller<TestClock> {
        var schedule = PollSchedule()
        schedule.jitter = 0
        let start = Fixtures.now.addingTimeInterval(age)
        return JobPoller(source: source, clock: clock, schedule: schedule, now: { start }, random: { 0.5 },
                         send: log.append)
    }

    /// Waits (in real time, briefly) until `condition` holds: the poller runs on its own tasks.
    private func eventually(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<400 where !condition() {
            try? await Task.sleep(for: .milliseconds(5))
        }
        #expect(condition(), sourceLocation: sourceLocation)
    }

    @Test func aYoungJobIsPolledEveryTwoSecondsThenTheServerUntilItBoots() async {
        let source = ScriptedJobSource(jobs: [.success(.running), .success(.running), .success(.success)],
                                       servers: [(.rebuild, "rebuild_spawning"), (.active, nil)])
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { source.jobCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .milliseconds(1900))
        // The poller reads only once its sleep ends: still asleep, with the same deadline, it read nothing.
        #expect(clock.deadlines == [.seconds(2)], "not before the interval")
        #expect(source.jobCalls.withLock { $0 } == 1)
        clock.advance(by: .milliseconds(100))
        await eventually { source.jobCalls.withLock { $0 } == 2 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(2))
        await eventually { source.jobCalls.withLock { $0 } == 3 }  // SUCCESS: switch to the server
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(2))
        await eventually { source.serverCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(2))
        await eventually { source.serverCalls.withLock { $0 } == 2 }  // ACTIVE: done
        for _ in 0..<400 where await !poller.watchedJobIds.isEmpty {
            try? await Task.sleep(for: .milliseconds(5))
        }
        #expect(await poller.watchedJobIds.isEmpty)
        #expect(log.changes.filter { if case .serverStatus = $0 { return true } else { return false } }.count == 2)
    }

    @Test func anOldJobIsPolledAboutEveryTenSeconds() async {
        let source = ScriptedJobSource(jobs: [.success(.running)])
        let poller = poller(source, age: 600)
        await poller.watch(watch)
        await eventually { source.jobCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(9))
        #expect(clock.deadlines == [.seconds(10)], "still asleep until the tenth second")
        #expect(source.jobCalls.withLock { $0 } == 1)
        clock.advance(by: .seconds(1))
        await eventually { source.jobCalls.withLock { $0 } == 2 }
        await poller.stop()
    }

    @Test func failuresBackOffAndAreReportedWithTheirTime() async {
        let busy = CloudError.api(status: 503, code: "Common.1503", message: "busy", requestId: nil)
        let source = ScriptedJobSource(jobs: [.failure(busy), .failure(busy), .success(.running)])
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { source.jobCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(7))  // throttled: 2 × 4 s = 8 s
        #expect(clock.deadlines == [.seconds(8)], "still asleep until the back-off ends")
        #expect(source.jobCalls.withLock { $0 } == 1)
        clock.advance(by: .seconds(1))
        await eventually { source.jobCalls.withLock { $0 } == 2 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(15))  // second failure in a row: 16 s, from the eighth second
        #expect(clock.deadlines == [.seconds(24)], "still asleep until the doubled back-off ends")
        #expect(source.jobCalls.withLock { $0 } == 2)
        clock.advance(by: .seconds(1))
        await eventually { source.jobCalls.withLock { $0 } == 3 }
        let failures = log.changes.filter { if case .readFailed = $0 { return true } else { return false } }
        #expect(failures.count == 2)
        await poller.stop()
    }

    @Test func anUnknownJobIdIsReportedLostAndItsServerFollowedUntilItLeavesRebuild() async {
        let unknown = CloudError.api(status: 400, code: "Common.0011", message: "invalid job id", requestId: nil)
        let source = ScriptedJobSource(jobs: [.failure(unknown)], servers: [(.rebuild, "rebuilding"), (.active, nil)])
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { log.changes.contains { if case .jobLost = $0 { return true } else { return false } } }
        await eventually { source.serverCalls.withLock { $0 } == 1 }  // at once, without waiting
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(2))
        await eventually { source.serverCalls.withLock { $0 } == 2 }
        for _ in 0..<400 where await !poller.watchedJobIds.isEmpty {
            try? await Task.sleep(for: .milliseconds(5))
        }
        #expect(await poller.watchedJobIds.isEmpty)
        #expect(source.jobCalls.withLock { $0 } == 1)
        #expect(log.changes.last == .finished(.lost(unknown, server: {
            var server = Fixtures.web
            server.status = .active
            server.taskState = nil
            return server
        }(), sawReinstall: true)))
    }

    @Test func aThrottledReadWaitsForTheCloudsRetryAfter() async {
        let throttled = CloudError.api(status: 429, code: "APIGW.0308", message: "slow down", requestId: nil)
        let source = ThrottledOnceSource(error: PacedReadFailure(throttled, retryAfter: .seconds(30)))
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { source.calls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        #expect(clock.deadlines == [.seconds(30)], "the next read waits for Retry-After, not the 8 s backoff")
        clock.advance(by: .seconds(30))
        await eventually { source.calls.withLock { $0 } == 2 }
        #expect(log.changes.first == .readFailed(throttled, retryIn: .seconds(30)))
        await poller.stop()
    }

    @Test func aReadCancelledWhileThePollerRunsIsRetriedOnlyAfterABackoff() async {
        let source = CancelledOnceSource()
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { source.calls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        #expect(clock.deadlines == [.seconds(4)], "a failed read backs off; it is not due again at once")
        #expect(source.calls.withLock { $0 } == 1, "no read before the back-off ends")
        #expect(log.changes.contains { if case .readFailed = $0 { return true } else { return false } })
        clock.advance(by: .seconds(4))
        await eventually { source.calls.withLock { $0 } == 2 }
        await poller.stop()
    }

    @Test func severalJobsAreFollowedAtOnceAndStopCancelsThem() async {
        let source = ScriptedJobSource(jobs: [.success(.running)])
        let poller = poller(source)
        for id in ["a", "b", "c", "d"] {
            await poller.watch(JournalEntry(jobId: id, serverId: "s", serverName: "s", api: .v2, scope: "demo",
                                            submittedAt: Fixtures.now))
        }
        await eventually { source.jobCalls.withLock { $0 } == 4 }
        #expect(await poller.watchedJobIds == ["a", "b", "c", "d"])
        await poller.stop()
        // Stopped: nothing is watched and nothing sleeps towards a next read.
        #expect(await poller.watchedJobIds.isEmpty)
        #expect(clock.sleeperCount == 0)
        clock.advance(by: .seconds(60))
        #expect(source.jobCalls.withLock { $0 } == 4)
    }
}
