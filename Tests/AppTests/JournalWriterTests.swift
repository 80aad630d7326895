import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import App

/// Writes about one job land in the order they were asked for, so a finished job never reads as
/// unfinished after a restart.
struct JournalWriterTests {
    let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("journal-writer-\(UUID().uuidString)/jobs.jsonl")
    let t0 = Date(timeIntervalSince1970: 1_735_718_400)

    private func entry(_ id: String, _ status: String, finished: Bool) -> JournalEntry {
        JournalEntry(jobId: id, serverId: "s-\(id)", serverName: id, api: .v2, scope: "demo", submittedAt: t0,
                     lastStatus: status, updatedAt: t0, finishedAt: finished ? t0 : nil)
    }

    @Test func twoWritesAboutOneJobLandInTheOrderAskedEvenFromConcurrentTasks() async throws {
        let writer = JournalWriter(journal: JobJournal(file: file))
        let ids = (0..<24).map { "job-\($0)" }
        await withTaskGroup(of: Void.self) { group in
            for id in ids {
                group.addTask {
                    // As the effect runner does: queued synchronously, one after the other. Both
                    // unfinished, so the journal's finished-entry guard cannot hide a reversed order.
                    writer.enqueue(entry(id, "INIT", finished: false), isNew: false)
                    writer.enqueue(entry(id, "RUNNING", finished: false), isNew: false)
                }
            }
        }
        // The queue is first in, first out: once this is written, every write before it is too.
        #expect(await writer.record(entry("marker", "SUBMITTED", finished: false), isNew: true) == .written)
        let entries = try JobJournal(file: file).load().entries
        for id in ids {
            let written = try #require(entries.first { $0.jobId == id })
            #expect(written.lastStatus == "RUNNING", "\(id)")
        }
    }

    @Test func aFailedWriteIsReportedToTheOneWhoAsked() async throws {
        // A journal whose folder is a file cannot be written.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("journal-blocker-\(UUID().uuidString)")
        try Data().write(to: blocker)
        let writer = JournalWriter(journal: JobJournal(file: blocker.appendingPathComponent("jobs.jsonl")))
        let message = await writer.record(entry("job-1", "SUBMITTED", finished: false), isNew: true).notice
        #expect(message?.contains("job-1") == true)
    }

    // MARK: Leaving the UI

    /// A runner that never reaches a cloud: only its journal is used.
    private func runner(_ journal: JobJournal) -> EffectRunner {
        let client = CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                                 endpoints: Endpoints(region: "cn-north-4"), projectId: "p",
                                 transport: HTTPClientTransport(proxies: .direct))
        return EffectRunner(client: client, journal: journal, scope: "demo") { _ in }
    }

    /// Holds the journal's lock as another instance would, so queued writes wait behind it.
    private func holdJournalLock() throws -> Int32 {
        let fd = open(file.path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        try #require(flock(fd, LOCK_EX) == 0)
        return fd
    }

    /// `shutDown` blocks its thread, as it does the UI's main thread: on a thread of its own here,
    /// never one of the pool that runs the journal's writes. Returns its result and how long it took.
    private func shutDown(_ runner: EffectRunner, limit: Duration) async -> (drained: Bool, took: Duration) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let start = ContinuousClock.now
                let drained = runner.shutDown(journalLimit: limit)
                continuation.resume(returning: (drained, ContinuousClock.now - start))
            }
        }
    }

    private func release(_ fd: Int32, after delay: Duration) {
        let lock = fd
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: delay.timeInterval)
            flock(lock, LOCK_UN)
            close(lock)
        }
    }

    @Test func leavingWaitsForAQueuedFinishedStateSoItIsNotLost() async throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("job-1", "RUNNING", finished: false))
        let lock = try holdJournalLock()
        let runner = runner(journal)
        runner.run(.recordJob(entry("job-1", "SUCCESS", finished: true)))
        release(lock, after: .milliseconds(150))
        #expect(await shutDown(runner, limit: .seconds(5)).drained)
        let written = try #require(try journal.load().entries.first)
        #expect(written.lastStatus == "SUCCESS" && written.isFinished, "a restart must not resume a finished job")
    }

    @Test func leavingWaitsNoLongerThanItsLimit() async throws {
        #expect(EffectRunner.journalDrainLimit < ExitWatchdog.grace, "the wait fits in the exit's grace period")
        let journal = JobJournal(file: file)
        try journal.record(entry("job-1", "RUNNING", finished: false))
        let lock = try holdJournalLock()
        // Well after the limit, yet soon: the stuck write holds one of the few threads of the pool.
        release(lock, after: .seconds(1))
        let runner = runner(journal)
        runner.run(.recordJob(entry("job-1", "SUCCESS", finished: true)))
        let (drained, took) = await shutDown(runner, limit: .milliseconds(100))
        #expect(!drained, "gave up on the stuck write")
        #expect(took < .seconds(1), "bounded: it did not wait for the lock")
    }
}
