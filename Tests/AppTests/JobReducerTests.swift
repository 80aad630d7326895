import Foundation
import HuaweiCloud
import Testing

@testable import App

struct JobReducerTests {
    private func job(_ status: Job.Status, code: String? = nil, reason: String? = nil) -> Job {
        Job(jobId: "job-1", jobType: "rebuildServer", status: status, beginTime: "2025-01-01T08:00:00.000Z",
            endTime: status.isFinished ? "2025-01-01T08:00:12.000Z" : nil, errorCode: code, failReason: reason,
            entities: .init(serverId: "s-web", subJobsTotal: 1, subJobs: []))
    }

    private func accepted() -> (AppState, [Effect]) {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let effects = reduce(&state, .reinstallAccepted(
            jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01", api: .v2, at: Fixtures.now))
        return (state, effects)
    }

    @Test func anAcceptedReinstallClosesTheFormAndStartsPolling() {
        let (state, effects) = accepted()
        #expect(state.form == nil)
        #expect(state.jobs.map(\.jobId) == ["job-1"])
        #expect(effects == [.pollJob(id: "job-1", after: .seconds(1)), .scheduleTick(after: .seconds(1)), .loadServers(page: 1)])
        #expect(state.flash?.text.contains("job-1") == true)
    }

    @Test func aRunningJobIsPolledAgainAndAFinishedOneIsNot() {
        var (state, _) = accepted()
        #expect(reduce(&state, .jobUpdated(job(.running))) == [.pollJob(id: "job-1", after: .seconds(2))])
        state.now = Fixtures.now.addingTimeInterval(90)
        #expect(reduce(&state, .jobUpdated(job(.running))) == [.pollJob(id: "job-1", after: .seconds(5))])
        #expect(reduce(&state, .jobUpdated(job(.success))) == [.loadServers(page: 1)])
        #expect(state.jobs[0].finishedAt == state.now)
        #expect(state.flash?.text.contains("succeeded") == true)
        #expect(reduce(&state, .jobUpdated(job(.success))) == [])
    }

    @Test func aFailedJobKeepsItsCodeAndReason() {
        var (state, _) = accepted()
        _ = reduce(&state, .jobUpdated(job(.fail, code: "Ecs.1002", reason: "OpenStack timeout")))
        #expect(state.jobs[0].job?.errorCode == "Ecs.1002")
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains("Ecs.1002") == true)
    }

    @Test func aFailedPollIsShownAndRetried() {
        var (state, _) = accepted()
        _ = reduce(&state, .jobUpdated(job(.running)))
        #expect(reduce(&state, .jobPollFailed(jobId: "job-1", "timed out")) == [.pollJob(id: "job-1", after: .seconds(5))])
        #expect(state.jobs[0].pollError == "timed out")
        #expect(state.jobs[0].job?.status == .running)
        _ = reduce(&state, .jobUpdated(job(.running)))
        #expect(state.jobs[0].pollError == nil)
    }

    @Test func ticksKeepComingOnlyWhileAJobRuns() {
        var (state, _) = accepted()
        let later = Fixtures.now.addingTimeInterval(42)
        #expect(reduce(&state, .tick(later)) == [.scheduleTick(after: .seconds(1))])
        #expect(state.jobs[0].elapsed(now: state.now) == 42)
        _ = reduce(&state, .jobUpdated(job(.success)))
        #expect(reduce(&state, .tick(later.addingTimeInterval(1))) == [])
        #expect(state.jobs[0].elapsed(now: state.now) == 42)
    }
}
