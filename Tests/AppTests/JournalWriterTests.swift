import Foundation
import Reinstall
import Testing

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
                    // As the effect runner does: queued synchronously, one after the other.
                    writer.enqueue(entry(id, "RUNNING", finished: false), isNew: false)
                    writer.enqueue(entry(id, "SUCCESS", finished: true), isNew: false)
                }
            }
        }
        // The queue is first in, first out: once this is written, every write before it is too.
        #expect(await writer.record(entry("marker", "SUBMITTED", finished: false), isNew: true) == .written)
        let entries = try JobJournal(file: file).load().entries
        for id in ids {
            let written = try #require(entries.first { $0.jobId == id })
            #expect(written.lastStatus == "SUCCESS" && written.isFinished, "\(id)")
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
}
