import Foundation
import HuaweiCloud
import Testing

@testable import Reinstall

/// The job-following machine, on a virtual clock: every answer is given with its time, and the
/// test asserts what read is due next and when. Nothing sleeps.
struct JobFollowerTests {
    let t0 = Date(timeIntervalSince1970: 1_735_718_400)
    let entry = JournalEntry(jobId: "job-1", serverId: "s-web", serverName: "web-01", api: .v2, scope: "demo",
                             submittedAt: Date(timeIntervalSince1970: 1_735_718_400))

    private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    private func follower() -> JobFollower {
        JobFollower(jobId: "job-1", serverId: "s-web", submittedAt: t0, entry: entry, now: t0)
    }

    private func job(_ status: Job.Status, code: String? = nil, reason: String? = nil,
                     subJobs: [Job.SubJob] = []) -> Job {
        Job(jobId: "job-1", jobType: "rebuildServer", status: status, beginTime: nil, endTime: nil, errorCode: code,
            failReason: reason, entities: .init(serverId: "s-web", subJobsTotal: 1, subJobs: subJobs))
    }

    private func server(_ status: ServerStatus, task: String? = nil) -> Server {
        Server(id: "s-web", name: "web-01", status: status, taskState: task, imageId: "img")
    }

    private func due(_ read: JobFollower.Read, after seconds: Int, at time: TimeInterval) -> JobFollower.Due {
        JobFollower.Due(read: read, after: .seconds(seconds), at: at(time))
    }

    /// The random draw that gives no jitter.
    let even = 0.5

    @Test func theJobIsReadAtOnceThenEveryTwoSecondsThenTheServerUntilItLeavesRebuild() {
        var f = follower()
        #expect(f.next == JobFollower.Due(read: .job(id: "job-1"), after: .zero, at: t0))

        var step = f.receive(.job(job(.running)), now: at(0), random: even)
        #expect(step.next == due(.job(id: "job-1"), after: 2, at: 2))
        #expect(step.journal?.status == .job(.running))
        #expect(step.journal?.isFinished == false)

        step = f.receive(.job(job(.running)), now: at(2), random: even)
        #expect(step.changes.isEmpty && step.journal == nil, "a repeat changes nothing")
        #expect(step.next == due(.job(id: "job-1"), after: 2, at: 4))

        step = f.receive(.job(job(.success)), now: at(4), random: even)
        #expect(step.next == due(.server(id: "s-web"), after: 2, at: 6))
        #expect(step.journal?.status == .job(.success))
        #expect(step.journal?.isFinished == false, "not finished until the server has booted")

        step = f.receive(.server(server(.rebuild, task: "rebuild_spawning")), now: at(6), random: even)
        #expect(step.changes == [.serverStatus(server(.rebuild, task: "rebuild_spawning"))])
        #expect(step.next == due(.server(id: "s-web"), after: 2, at: 8))

        step = f.receive(.server(server(.active)), now: at(8), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.isSuccess == true)
        #expect(step.journal?.finishedAt == at(8))
        #expect(step.journal?.status == .job(.success))
    }

    @Test func anOldJobIsReadAboutEveryTenSeconds() {
        var f = follower()
        let step = f.receive(.job(job(.running)), now: at(600), random: even)
        #expect(step.next == due(.job(id: "job-1"), after: 10, at: 610))
    }

    @Test func aLostJobIsNotTheEndTheServerIsFollowedUntilItLeavesRebuild() {
        var f = follower()
        _ = f.receive(.job(job(.running)), now: at(0), random: even)
        let notFound = CloudError.api(status: 404, code: "Common.0011", message: "job not found", requestId: nil)

        var step = f.receive(.failed(notFound), now: at(2), random: even)
        #expect(step.changes == [.jobLost(notFound)])
        #expect(f.stage == .server(jobLost: true))
        #expect(step.next == JobFollower.Due(read: .server(id: "s-web"), after: .zero, at: at(2)))
        #expect(step.journal?.status == .lost)
        #expect(step.journal?.isFinished == false, "a restart resumes following the server")

        step = f.receive(.server(server(.rebuild, task: "rebuilding")), now: at(2), random: even)
        #expect(step.next == due(.server(id: "s-web"), after: 2, at: 4))
        #expect(!f.isFinished)

        step = f.receive(.server(server(.active)), now: at(4), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.message == "job lost by the cloud; the server left REBUILD and is ACTIVE")
        #expect(step.journal?.status == .lost)
        #expect(step.journal?.finishedAt == at(4))
        #expect(step.journal?.failReason == "job lost by the cloud; the server left REBUILD and is ACTIVE")
        #expect(step.journal?.errorCode == "Common.0011")
    }

    @Test func aJobThatAnsweredBeforeItWasLostIsFollowedUntilTheServerIsSeenRebuilding() {
        // INIT says nothing of the server: a server still waiting for its rebuild (SHUTOFF after
        // the stop) has not been reinstalled, and its entry must stay unfinished.
        var f = follower()
        _ = f.receive(.job(job(.initial)), now: at(0), random: even)
        _ = f.receive(.failed(.api(status: 404, code: "Common.0011", message: "", requestId: nil)), now: at(2), random: even)
        var step = f.receive(.server(server(.shutoff)), now: at(2), random: even)
        #expect(!f.isFinished)
        #expect(!f.sawReinstall)
        #expect(step.next == due(.server(id: "s-web"), after: 2, at: 4))
        #expect(step.journal == nil, "the entry stays LOST and unfinished")

        step = f.receive(.server(server(.rebuild, task: "rebuilding")), now: at(4), random: even)
        #expect(f.sawReinstall)
        step = f.receive(.server(server(.active)), now: at(6), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.message == "job lost by the cloud; the server left REBUILD and is ACTIVE")
        #expect(step.journal?.isFinished == true)
    }

    @Test func aServerTaskThatIsNotARebuildDoesNotCountAsTheReinstall() {
        var f = follower()
        _ = f.receive(.failed(.api(status: 404, code: "Common.0011", message: "", requestId: nil)), now: at(0), random: even)
        _ = f.receive(.server(server(.active, task: "powering-off")), now: at(0), random: even)
        #expect(!f.sawReinstall)
        _ = f.receive(.server(server(.shutoff)), now: at(2), random: even)
        #expect(!f.isFinished)
    }

    @Test func aLostJobWhoseServerNeverRebuiltIsFollowedForTheWindowThenSaysSo() {
        #expect(JobFollower.reinstallStartWindow == 600)
        var f = follower()
        var step = f.receive(.failed(.api(status: 404, code: "Ecs.0614", message: "", requestId: nil)),
                             now: at(0), random: even)
        #expect(step.journal?.isFinished == false)
        step = f.receive(.server(server(.shutoff)), now: at(0), random: even)
        #expect(!f.isFinished, "lost before any answer: the first read of the server is not the end")
        step = f.receive(.server(server(.shutoff)), now: at(599), random: even)
        #expect(!f.isFinished)
        #expect(step.next?.read == .server(id: "s-web"))
        step = f.receive(.server(server(.shutoff)), now: at(600), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.journalStatus == .lost)
        #expect(f.outcome?.message == "job lost by the cloud; the reinstall was never seen starting "
            + "(the server is SHUTOFF): check the server before sending it again")
        #expect(step.journal?.finishedAt == at(600))
        #expect(step.journal?.errorCode == "Ecs.0614")
    }

    @Test func aLostJobWithNoKnownServerEndsAtOnce() {
        var f = JobFollower(jobId: "job-1", serverId: nil, submittedAt: t0, now: t0)
        let step = f.receive(.failed(.api(status: 400, code: "Common.0011", message: "", requestId: nil)),
                             now: at(0), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.journalStatus == .lost)
    }

    @Test func withoutAServerIdTheJobNamesItsServer() {
        var f = JobFollower(jobId: "job-1", serverId: nil, submittedAt: t0, now: t0)
        let step = f.receive(.job(job(.success)), now: at(0), random: even)
        #expect(step.next?.read == .server(id: "s-web"))
    }

    @Test func aFailureWithItsCodeOnlyOnTheSubJobKeepsThatCodeEverywhere() {
        var f = follower()
        let sub = Job.SubJob(jobId: "sub-1", jobType: "rebuildSingleServer", status: .fail, beginTime: nil,
                             endTime: nil, errorCode: "Ecs.0033", failReason: "the image is not available",
                             serverId: "s-web", errorcodeMessage: nil)
        let failed = job(.fail, subJobs: [sub])
        let step = f.receive(.job(failed), now: at(30), random: even)
        #expect(step.next == nil)
        #expect(f.outcome == .failed(failed))
        #expect(step.journal?.errorCode == "Ecs.0033")
        #expect(step.journal?.failReason == "the image is not available")
        #expect(step.journal?.finishedAt == at(30))
        #expect(f.outcome?.errorCode == JobSummary(failed).errorCode)
        #expect(f.outcome?.failReason == JobSummary(failed).failReason)
        #expect(JobFailure.describe(failed).hasPrefix("Ecs.0033: the image is not available"))
    }

    @Test func throttlingBacksOffHonouringRetryAfterThenReturnsToTheUsualPace() {
        var f = follower()
        let throttled = CloudError.api(status: 429, code: "APIGW.0308", message: "slow down", requestId: nil)

        var step = f.receive(.failed(throttled, retryAfter: .seconds(30)), now: at(0), random: even)
        #expect(step.changes == [.readFailed(throttled, retryIn: .seconds(30))], "Retry-After is the floor")
        #expect(step.next == due(.job(id: "job-1"), after: 30, at: 30))
        #expect(step.journal == nil)

        step = f.receive(.failed(throttled), now: at(30), random: even)
        #expect(step.next == due(.job(id: "job-1"), after: 16, at: 46), "throttled: 2 × 4 s, doubled")
        #expect(f.failures == 2)
        #expect(f.lastFailure == throttled && f.lastFailureAt == at(30))

        step = f.receive(.failed(.transport("timed out")), now: at(46), random: even)
        #expect(step.next == due(.job(id: "job-1"), after: 16, at: 62), "third failure: 4 s × 2²")

        step = f.receive(.job(job(.running)), now: at(62), random: even)
        #expect(step.next?.after == .milliseconds(2133), "62 s old: a little over 2 s")
        #expect(step.next?.read == .job(id: "job-1"))
        #expect(f.failures == 0 && f.lastFailure == nil)
    }

    @Test func refusedKeysStopFollowingUnfinished() {
        var f = follower()
        let refused = CloudError.api(status: 401, code: "APIGW.0301", message: "bad signature", requestId: nil)
        let step = f.receive(.failed(refused), now: at(0), random: even)
        #expect(step.next == nil)
        #expect(step.journal == nil, "the journal keeps it unfinished, so a restart resumes it")
        #expect(f.stage == .halted(refused))
    }

    @Test func aServerDeletedWhileFollowedEndsIt() {
        var f = follower()
        _ = f.receive(.job(job(.success)), now: at(0), random: even)
        let gone = CloudError.api(status: 404, code: "Ecs.0114", message: "", requestId: nil)
        let step = f.receive(.failed(gone), now: at(2), random: even)
        #expect(step.next == nil)
        #expect(f.outcome?.message == "the server no longer exists")
        #expect(step.journal?.isFinished == true)
    }

    @Test func anAnswerToAReadThatIsNotDueChangesNothing() {
        var f = follower()
        let step = f.receive(.server(server(.active)), now: at(0), random: even)
        #expect(step.changes.isEmpty && step.journal == nil)
        #expect(step.next == f.next)
        #expect(f.stage == .job)
    }

    @Test(arguments: [
        (JournalStatus.job(.success), JobFollower.Read.server(id: "s-web"), JobFollower.Stage.server(jobLost: false)),
        (.lost, .server(id: "s-web"), .server(jobLost: true)),
        (.job(.running), .job(id: "job-1"), .job),
        (.submitted, .job(id: "job-1"), .job),
        (.other("PAUSED"), .job(id: "job-1"), .job),
    ])
    func aResumedJobStartsWhereTheJournalLeftIt(status: JournalStatus, read: JobFollower.Read, stage: JobFollower.Stage) {
        var resumed = entry
        resumed.status = status
        let f = JobFollower(resuming: resumed, now: at(100))
        #expect(f.next == JobFollower.Due(read: read, after: .zero, at: at(100)))
        #expect(f.stage == stage)
    }

    @Test func journalStatusesAreDecodedLenientlyAndKeptAsWritten() {
        #expect(JournalStatus("SUCCESS") == .job(.success))
        #expect(JournalStatus("LOST") == .lost)
        #expect(JournalStatus("SUBMITTED") == .submitted)
        #expect(JournalStatus("PAUSED") == .other("PAUSED"))
        #expect(JournalStatus("PAUSED").text == "PAUSED")
    }
}
