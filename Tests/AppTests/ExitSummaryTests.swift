import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// The lines printed after the UI ends: one per job still running, and how to follow them.
struct ExitSummaryTests {
    private func tracker(_ id: String, _ name: String, status: Job.Status? = nil) -> JobTracker {
        var tracker = JobTracker(jobId: id, serverId: "s-" + id, serverName: name, api: .v2, scope: "scope",
                                 submittedAt: Date(timeIntervalSince1970: 0))
        tracker.job = status.map {
            Job(jobId: id, jobType: "rebuildServer", status: $0, beginTime: nil, endTime: nil, errorCode: nil,
                failReason: nil, entities: nil)
        }
        return tracker
    }

    /// After `:`, a job of another region says which, and the command to follow it with.
    @Test func aJobOfAnotherRegionNamesIt() {
        var north = tracker("j-1", "web-01", status: .running)
        north.entry.scope = JournalEntry.scope(demo: false, region: "cn-north-4", projectId: "p-n4")
        var east = tracker("j-2", "east-web-01", status: .running)
        east.entry.scope = JournalEntry.scope(demo: false, region: "cn-east-3", projectId: "p-e3")
        let start = CommandScope(region: "cn-north-4", reachedProjectId: "p-n4")
        let lines = ExitSummary.lines([north, east], mode: .real, scope: start.moving(to: ProjectScope(region: "cn-east-3", projectId: "p-e3"))) {
            $0.entry.scope == east.entry.scope ? nil : ("cn-north-4", start)
        }
        #expect(lines[1] == "  web-01       job j-1  RUNNING  [cn-north-4: follow it with ecs-reinstall job j-1 --region cn-north-4 --wait]")
        #expect(lines[2] == "  east-web-01  job j-2  RUNNING")
        #expect(lines[3].hasPrefix("Follow one with: HUAWEICLOUD_SDK_PROJECT_ID=p-e3 ecs-reinstall job JOB_ID --region cn-east-3 --wait"))
    }

    /// A project the flags do not reach is named by its id, quoted for the shell, with the other flags kept.
    @Test func aSubprojectsJobNamesItsProjectId() {
        var staging = tracker("j-1", "app-01", status: .running)
        staging.entry.scope = JournalEntry.scope(demo: false, region: "cn-north-4", projectId: "p sub")
        let start = CommandScope(region: "cn-east-3", profile: "ops", reachedProjectId: "p-e3")
        let there = start.moving(to: ProjectScope(region: "cn-north-4", projectId: "p sub", projectName: "cn-north-4_staging"))
        let elsewhere = ExitSummary.lines([staging], mode: .real, scope: start) { _ in ("cn-north-4_staging", there) }
        #expect(elsewhere[1].hasSuffix("[cn-north-4_staging: follow it with HUAWEICLOUD_SDK_PROJECT_ID='p sub' "
            + "ecs-reinstall job j-1 --region cn-north-4 --profile ops --wait]"))
        let here = ExitSummary.lines([staging], mode: .real, scope: there)
        #expect(here.last?.hasPrefix(
            "Follow one with: HUAWEICLOUD_SDK_PROJECT_ID='p sub' ecs-reinstall job JOB_ID --region cn-north-4 --profile ops --wait") == true)
    }

    /// HUAWEICLOUD_SDK_PROJECT_ID set for cn-north-4 when the UI started: after `:` to cn-east-3's
    /// default project, every command printed names cn-east-3's project, since the variable
    /// left in the shell would send cn-north-4's there; the job of the start project needs nothing more.
    @Test func theProjectVariableOfTheStartIsOverriddenAfterASwitch() throws {
        var state = AppState(mode: .real, region: "cn-north-4", projectId: "p-env",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now)
        state.commandScope = CommandScope(reachedProjectId: "p-env")
        _ = startup(&state)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-north", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        _ = switchScope(&state, to: ProjectScope(region: "cn-east-3", projectId: "p-east"))
        _ = reduce(&state, .reinstallAccepted(jobId: "job-east", serverId: "s-east", serverName: "east-01",
                                               api: .v2, at: Fixtures.now))
        state.submissions["s-east-2"] = SubmissionMark(serverId: "s-east-2", serverName: "east-02", phase: .unclear,
                                                       since: Fixtures.now)
        let lines = ExitSummary.lines(leaving: state)
        let north = try #require(lines.first { $0.contains("job-north") })
        #expect(north.hasSuffix("[cn-north-4: follow it with ecs-reinstall job job-north --wait]"))
        let east = try #require(lines.first { $0.contains("job job-east") })
        #expect(!east.contains("["))
        #expect(lines.contains { $0.hasPrefix("Follow one with: HUAWEICLOUD_SDK_PROJECT_ID=p-east ecs-reinstall job JOB_ID --region cn-east-3 --wait") })
        #expect(lines.contains { $0.contains("check it before sending again: HUAWEICLOUD_SDK_PROJECT_ID=p-east ecs-reinstall servers --filter east-02 --region cn-east-3") })
        // Back in the start project, the flags as given reach it again.
        state.submissions = [:]
        _ = switchScope(&state, to: ProjectScope(region: "cn-north-4", projectId: "p-env"))
        let back = ExitSummary.lines(leaving: state)
        #expect(back.contains { $0.hasSuffix("[cn-east-3: follow it with HUAWEICLOUD_SDK_PROJECT_ID=p-east ecs-reinstall job job-east --region cn-east-3 --wait]") })
        #expect(back.contains { $0.hasPrefix("Follow one with: ecs-reinstall job JOB_ID --wait") })
    }

    @Test(arguments: [("cn-east-3/p", "cn-east-3"), ("demo/cn-east-3/p", "cn-east-3"), ("demo", nil), ("odd", nil)]
          as [(String, String?)])
    func aJournalScopeNamesItsRegion(scope: String, region: String?) {
        var entry = tracker("j", "n").entry
        entry.scope = scope
        #expect(entry.region == region)
    }

    @Test func nothingRunningPrintsNothing() {
        var done = tracker("j-1", "web-01", status: .success)
        done.finishedAt = Date(timeIntervalSince1970: 60)
        #expect(ExitSummary.lines([done], mode: .real) == [])
        #expect(ExitSummary.lines([], mode: .real) == [])
    }

    @Test func eachRunningJobHasALineAndTheWayToFollowIt() {
        var finished = tracker("j-0", "old", status: .fail)
        finished.finishedAt = Date(timeIntervalSince1970: 60)
        var booting = tracker("j-2", "数据库-主节点", status: .success)
        booting.serverStatus = .rebuild
        var stopped = tracker("j-3", "db\u{1B}[2J", status: .running)
        stopped.stopped = "the cloud refused the keys"
        let lines = ExitSummary.lines([finished, tracker("j-1", "web-01", status: .running), booting, stopped], mode: .real)
        #expect(lines == [
            "3 reinstalls are still running in the cloud (quitting did not stop them):",
            "  web-01         job j-1  RUNNING",
            "  数据库-主节点  job j-2  BOOTING",
            "  db\\x1B[2J      job j-3  RUNNING (not followed: the cloud refused the keys)",
            "Follow one with: ecs-reinstall job JOB_ID --wait (or start ecs-reinstall again: it resumes a region's jobs from the journal once it shows that region).",
        ])
    }

    @Test func aJustSubmittedJobSaysSoAndTheDemoSaysNothingIsLeft() {
        let lines = ExitSummary.lines([tracker("j-1", "web-01")], mode: .demo)
        #expect(lines == [
            "1 reinstall is still running in the simulated cloud of the demo, which ended with the UI:",
            "  web-01  job j-1  SUBMITTED",
            "Nothing is left to follow: a new demo starts a new simulated cloud.",
        ])
    }

    /// A demo job of another region names no command to follow it: nothing is left to follow.
    @Test func theDemoNamesNoCommandForAJobOfAnotherRegion() {
        let lines = ExitSummary.lines([tracker("j-1", "web-01", status: .running)], mode: .demo) { _ in
            ("cn-north-4", CommandScope(region: "cn-north-4"))
        }
        #expect(lines == [
            "1 reinstall is still running in the simulated cloud of the demo, which ended with the UI:",
            "  web-01  job j-1  RUNNING",
            "Nothing is left to follow: a new demo starts a new simulated cloud.",
        ])
    }

    /// A reinstall cut off on its way, or whose answer was unclear: said with what to check.
    @Test func anUnclearReinstallIsSaidWithWhatToCheck() {
        let since = Date(timeIntervalSince1970: 0)
        let marks = [
            SubmissionMark(serverId: "s-1", serverName: "web-01", phase: .submitting, since: since),
            SubmissionMark(serverId: "s-2", serverName: "db-01", phase: .unclear, since: since),
        ]
        let lines = ExitSummary.lines([], submissions: marks, mode: .real)
        #expect(lines.first == "2 reinstalls have an unclear outcome: check before sending again.", "\(lines)")
        #expect(lines.contains { $0.contains("web-01") && $0.contains("was being sent when the UI ended")
            && $0.contains("ecs-reinstall servers --filter web-01") }, "\(lines)")
        #expect(lines.contains { $0.contains("db-01") && $0.contains("got no clear answer") }, "\(lines)")
        #expect(ExitSummary.lines([], submissions: marks, mode: .demo).isEmpty, "the demo's cloud is gone with it")
    }
}

extension ExitSummaryTests {
    /// The login command and the known_hosts advice are printed whole once the terminal is given
    /// back (the alternate screen they were on is gone); not for the demo, whose servers end with it.
    @Test func theServersReadyToLogInArePrintedWithTheirAdvice() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        let lines = ExitSummary.lines(state.jobs, mode: .real)
        #expect(lines == [
            "web-01: ready to log in: ssh -i ~/.ssh/deploy-rsa.pem root@192.168.0.11",
            "web-01: known_hosts has 2 entries for 192.168.0.11 (1 hashed): the old host key; run: ssh-keygen -R 192.168.0.11",
        ])
        #expect(ExitSummary.lines(state.jobs, mode: .demo) == [])

        _ = reduce(&state, .knownHostsRead(jobId: LoginSamples.jobId, LoginSamples.target, .success(LoginSamples.findings([]))))
        #expect(ExitSummary.lines(state.jobs, mode: .real).count == 1, "the entries removed: no advice left")

        var unreachable = Fixtures.loadedState()
        LoginSamples.readyWeb(&unreachable)
        _ = reduce(&unreachable, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report(
            readiness: .unreachable(reason: "connection refused", after: .seconds(300)))))
        #expect(ExitSummary.lines(unreachable.jobs, mode: .real) == [])
    }
}

extension ExitSummaryTests {
    /// A server reinstalled again after its first job was ready: the old login line and advice
    /// are about a system disk that is gone, and are not printed.
    @Test func anEarlierJobOfAServerReinstalledAgainIsNotPrintedReady() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-web-2", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: state.now))
        let lines = ExitSummary.lines(state.jobs, mode: .real)
        #expect(lines.contains { $0.contains("job-web-2") }, "\(lines)")
        #expect(!lines.contains { $0.contains("ready to log in") || $0.contains("known_hosts") }, "\(lines)")
    }
}
