import Foundation
import HuaweiCloud
import Reinstall
import Synchronization
import Testing

@testable import App

/// Answers job and server reads from scripts, counting every call.
final class ScriptedJobSource: JobSource {
    private let jobs: Mutex<[Result<Job.Status, CloudError>]>
    private let servers: Mutex<[(String, String?)]>
    let jobCalls = Mutex(0)
    let serverCalls = Mutex(0)

    init(jobs: [Result<Job.Status, CloudError>], servers: [(String, String?)] = []) {
        self.jobs = Mutex(jobs)
        self.servers = Mutex(servers)
    }

    func job(id: String) async throws -> Job {
        jobCalls.withLock { $0 += 1 }
        let next = jobs.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        let status = try next.get()
        return Job(jobId: id, jobType: "rebuildServer", status: status, beginTime: nil, endTime: nil,
                   errorCode: status == .fail ? "Ecs.1002" : nil, failReason: nil, entities: nil)
    }

    func showServer(id: String) async throws -> Server {
        serverCalls.withLock { $0 += 1 }
        let (status, task) = servers.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        var server = Fixtures.web
        server.status = status
        server.taskState = task
        return server
    }
}

/// Collects the poller's events.
final class EventLog: Sendable {
    private let events = Mutex<[AppEvent]>([])
    func append(_ event: AppEvent) { events.withLock { $0.append(event) } }
    var all: [AppEvent] { events.withLock { $0 } }
}

struct JobPollerTests {
    let clock = TestClock()
    let log = EventLog()
    let watch = JobWatch(jobId: "job-1", serverId: "s-web", submittedAt: Fixtures.now, phase: .job)

    private func poller(_ source: ScriptedJobSource, age: TimeInterval = 0) -> JobPoller<TestClock> {
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
                                       servers: [("REBUILD", "rebuild_spawning"), ("ACTIVE", nil)])
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { source.jobCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .milliseconds(1900))
        try? await Task.sleep(for: .milliseconds(30))
        #expect(source.jobCalls.withLock { $0 } == 1, "not before the interval")
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
        #expect(log.all.filter { if case .jobServerUpdated = $0 { return true } else { return false } }.count == 2)
    }

    @Test func anOldJobIsPolledAboutEveryTenSeconds() async {
        let source = ScriptedJobSource(jobs: [.success(.running)])
        let poller = poller(source, age: 600)
        await poller.watch(watch)
        await eventually { source.jobCalls.withLock { $0 } == 1 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(9))
        try? await Task.sleep(for: .milliseconds(30))
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
        try? await Task.sleep(for: .milliseconds(30))
        #expect(source.jobCalls.withLock { $0 } == 1)
        clock.advance(by: .seconds(1))
        await eventually { source.jobCalls.withLock { $0 } == 2 }
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(15))  // second failure in a row: 16 s
        try? await Task.sleep(for: .milliseconds(30))
        #expect(source.jobCalls.withLock { $0 } == 2)
        clock.advance(by: .seconds(1))
        await eventually { source.jobCalls.withLock { $0 } == 3 }
        let failures = log.all.filter { if case .jobPollFailed = $0 { return true } else { return false } }
        #expect(failures.count == 2)
        await poller.stop()
    }

    @Test func anUnknownJobIdIsReportedLostAndNoLongerPolled() async {
        let unknown = CloudError.api(status: 400, code: "Common.0011", message: "invalid job id", requestId: nil)
        let source = ScriptedJobSource(jobs: [.failure(unknown)])
        let poller = poller(source)
        await poller.watch(watch)
        await eventually { log.all.contains { if case .jobLost = $0 { return true } else { return false } } }
        #expect(await poller.watchedJobIds.isEmpty)
    }

    @Test func severalJobsAreFollowedAtOnceAndStopCancelsThem() async {
        let source = ScriptedJobSource(jobs: [.success(.running)])
        let poller = poller(source)
        for id in ["a", "b", "c", "d"] {
            await poller.watch(JobWatch(jobId: id, serverId: "s", submittedAt: Fixtures.now, phase: .job))
        }
        await eventually { source.jobCalls.withLock { $0 } == 4 }
        #expect(await poller.watchedJobIds == ["a", "b", "c", "d"])
        await poller.stop()
        clock.advance(by: .seconds(60))
        try? await Task.sleep(for: .milliseconds(30))
        #expect(source.jobCalls.withLock { $0 } == 4)
    }
}
