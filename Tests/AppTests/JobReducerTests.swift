import Foundation
import HuaweiCloud
import Reinstall
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
        #expect(effects == [
            .watchJob(JournalEntry(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01", api: .v2,
                                   scope: state.journalScope, submittedAt: Fixtures.now)),
            .scheduleTick(after: .seconds(1)), .listServers(generation: state.servers.generation),
        ])
        #expect(state.flash?.text.contains("job-1") == true)
    }

    private func server(status: ServerStatus, task: String?) -> Server {
        var server = Fixtures.web
        server.status = status
        server.taskState = task
        return server
    }

    private func journaled(_ effects: [Effect]) -> [JournalEntry] {
        effects.compactMap { if case let .recordJob(entry) = $0 { return entry } else { return nil } }
    }

    @Test func statusChangesAreJournaledAndRepeatsAreNot() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        #expect(journaled(driver.job(&state, job(.running))).map(\.lastStatus) == ["RUNNING"])
        #expect(driver.job(&state, job(.running)) == [])
        #expect(journaled(driver.job(&state, job(.success))).map(\.lastStatus) == ["SUCCESS"])
        #expect(state.jobs[0].isSettling)
        #expect(state.jobs[0].finishedAt == nil)
    }

    @Test func afterSuccessThePaneFollowsTheServerUntilItHasBooted() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        state.bellEnabled = true
        _ = driver.job(&state, job(.success))
        #expect(driver.answer(&state, "job-1", .server(server(status: .rebuild, task: "rebuild_spawning"))) == [])
        #expect(state.jobs[0].serverTaskState == "rebuild_spawning")
        #expect(render(state).lines.joined().contains("BOOTING"))
        state.now = Fixtures.now.addingTimeInterval(30)
        let effects = driver.answer(&state, "job-1", .server(server(status: .active, task: nil)))
        #expect(journaled(effects).first?.finishedAt == state.now)
        #expect(!effects.contains(where: Fixtures.isListing), "the listing started on submit is still running")
        #expect(state.servers.refreshPending)
        let generation = state.servers.generation
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 5, servers: Fixtures.servers)))
        #expect(reduce(&state, .serverListingFinished(generation: generation, at: state.now))
            .contains(.listServers(generation: generation + 1)), "the held refresh runs when it ends")
        #expect(state.jobs[0].finishedAt == state.now)
        #expect(state.flash?.text.contains("injected a few minutes after boot") == true)
        #expect(state.bells == 1)
        #expect(state.history.map(\.jobId) == ["job-1"])
    }

    @Test func aFailedJobKeepsItsCodeAndReason() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        let effects = driver.job(&state, job(.fail, code: "Ecs.1002", reason: "OpenStack timeout"))
        #expect(journaled(effects).first?.errorCode == "Ecs.1002")
        #expect(state.jobs[0].isFinished)
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains("Ecs.1002") == true)
        #expect(state.bells == 0, "the bell is off unless enabled")
    }

    @Test func aFailedPollKeepsTheLastGoodStateAndSaysWhen() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        _ = driver.job(&state, job(.running))
        state.now = Fixtures.now.addingTimeInterval(5)
        #expect(driver.answer(&state, "job-1", .failed(.transport("timed out"))) == [])
        #expect(state.jobs[0].pollError?.contains("timed out") == true)
        #expect(state.jobs[0].pollErrorAt == state.now)
        #expect(state.jobs[0].job?.status == .running)
        _ = driver.job(&state, job(.running))
        #expect(state.jobs[0].pollError == nil)
    }

    @Test func aLostJobIsMarkedAndItsServerFollowedUntilItLeavesRebuild() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        let notFound = CloudError.api(status: 404, code: "Common.0011", message: "job not found", requestId: nil)
        var effects = driver.answer(&state, "job-1", .failed(notFound))
        #expect(journaled(effects).first?.lastStatus == JournalEntry.lost)
        #expect(journaled(effects).first?.isFinished == false)
        #expect(state.jobs.count == 1, "no pane disappears silently")
        #expect(state.jobs[0].lost != nil)
        #expect(!state.jobs[0].isFinished)
        #expect(render(state).lines.joined().contains("LOST"))
        _ = driver.answer(&state, "job-1", .server(server(status: .rebuild, task: "rebuilding")))
        #expect(!state.jobs[0].isFinished)
        #expect(render(state).lines.joined().contains(
            "lost: the cloud does not know this job id (Common.0011); following the server · server REBUILD"))
        effects = driver.answer(&state, "job-1", .server(server(status: .active, task: nil)))
        #expect(state.jobs[0].isFinished)
        #expect(journaled(effects).first?.failReason == "job lost by the cloud; the server left REBUILD and is ACTIVE")
        #expect(state.history.first?.lastStatus == JournalEntry.lost)
        #expect(state.flash?.text.contains("job lost by the cloud; the server left REBUILD and is ACTIVE") == true)
    }

    @Test func refusedKeysStopFollowingButTheJobStaysUnfinishedForTheNextStart() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        let refused = CloudError.api(status: 401, code: "APIGW.0301", message: "verify aksk signature fail",
                                     requestId: nil)
        #expect(driver.answer(&state, "job-1", .failed(refused)) == [], "nothing is journaled")
        #expect(!state.jobs[0].isFinished)
        #expect(state.history.isEmpty)
        #expect(render(state).lines.joined().contains("not followed (a later start in its region resumes it)"))
        #expect(state.flash?.text.hasSuffix("A later start resumes it from the journal once it shows cn-north-4.") == true,
                "\(String(describing: state.flash))")
        #expect(reduce(&state, .tick(Fixtures.now.addingTimeInterval(5))) == [], "no ticks for a job nobody follows")
    }

    @Test func unfinishedJournalEntriesResumeAndFinishedOnesFormTheHistory() {
        let open = JournalEntry(jobId: "j-open", serverId: "s-web", serverName: "web-01", api: .v2,
                                scope: "cn-north-4/p", submittedAt: Fixtures.now, lastStatus: "RUNNING")
        let done = JournalEntry(jobId: "j-done", serverId: "s-win", serverName: "win-ad-01", api: .v1,
                                scope: "cn-north-4/p", submittedAt: Fixtures.now, lastStatus: "SUCCESS",
                                finishedAt: Fixtures.now)
        let other = JournalEntry(jobId: "j-other", serverId: "x", serverName: "x", api: .v1,
                                 scope: "ap-southeast-1/q", submittedAt: Fixtures.now)
        var state = AppState(mode: .real, region: "cn-north-4", projectId: "p", userId: "u",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now, journal: [open, done, other])
        #expect(state.jobs.map(\.jobId) == ["j-open"])
        #expect(state.history.map(\.jobId) == ["j-done"])
        let effects = startup(&state)
        #expect(effects.contains(.watchJob(open)))
        #expect(!effects.contains { if case let .watchJob(w) = $0 { return w.jobId != "j-open" } else { return false } })
        _ = reduce(&state, .key(.character("h")))
        #expect(render(state).lines.joined(separator: "\n").contains("win-ad-01"))
        _ = reduce(&state, .key(.escape))
        #expect(!state.showHistory)
    }

    @Test func ticksKeepComingOnlyWhileAJobRuns() {
        var driver = FollowDriver()
        var (state, _) = accepted()
        let later = Fixtures.now.addingTimeInterval(42)
        #expect(reduce(&state, .tick(later)) == [.scheduleTick(after: .seconds(1))])
        #expect(state.jobs[0].elapsed(now: state.now) == 42)
        _ = driver.job(&state, job(.success))
        #expect(reduce(&state, .tick(later)) == [.scheduleTick(after: .seconds(1))], "still booting")
        _ = driver.answer(&state, "job-1", .server(server(status: .active, task: nil)))
        #expect(reduce(&state, .tick(later.addingTimeInterval(1))) == [])
        #expect(state.jobs[0].elapsed(now: state.now) == 42)
    }
}
