import Foundation
import HuaweiCloud
import Testing

@testable import Reinstall

struct JobJournalTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
    var file: URL { directory.appendingPathComponent("state/jobs.jsonl") }
    let t0 = Date(timeIntervalSince1970: 1_735_718_400)

    private func entry(_ id: String, status: String = JournalEntry.submitted, finished: Bool = false,
                       scope: String = "cn-north-4/p") -> JournalEntry {
        JournalEntry(jobId: id, serverId: "s-\(id)", serverName: "server \(id)", api: .v2, scope: scope,
                     submittedAt: t0, lastStatus: status, updatedAt: t0, finishedAt: finished ? t0 : nil)
    }

    @Test func aMissingJournalIsEmptyAndRecordsRoundTrip() throws {
        let journal = JobJournal(file: file)
        #expect(try journal.load().isEmpty)
        try journal.record(entry("a"))
        try journal.record(entry("b"))
        try journal.record(entry("a", status: "RUNNING"))
        let loaded = try journal.load()
        #expect(loaded.map(\.jobId).sorted() == ["a", "b"])
        #expect(loaded.first { $0.jobId == "a" }?.lastStatus == "RUNNING")
    }

    @Test func theFileIsPrivateAndHoldsNoTemporaries() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names.sorted() == ["jobs.jsonl", "jobs.jsonl.lock"])
    }

    @Test func aDamagedLineCostsOnlyThatLine() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a"))
        try journal.record(entry("b"))
        // A truncated write or a hand edit: half a line at the end, garbage in the middle.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = "{\"not\": \"an entry\"}\n" + text + String(text.prefix(40))
        try text.write(to: file, atomically: false, encoding: .utf8)
        #expect(try journal.load().map(\.jobId).sorted() == ["a", "b"])
        try journal.record(entry("c"))
        #expect(try journal.load().map(\.jobId).sorted() == ["a", "b", "c"])
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let first = JobJournal(file: file)
        let second = JobJournal(file: file)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                let journal = i.isMultiple(of: 2) ? first : second
                let record = entry("job-\(i)")
                group.addTask { try? journal.record(record) }
            }
        }
        #expect(try first.load().count == 40)
    }

    @Test func removingAScopeKeepsTheOthers() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("demo-1", scope: "demo"))
        try journal.record(entry("real-1"))
        try journal.removeAll(scope: "demo")
        #expect(try journal.load().map(\.jobId) == ["real-1"])
    }

    @Test func oldFinishedEntriesArePrunedButUnfinishedOnesStay() throws {
        var journal = JobJournal(file: file)
        journal.retention = 60
        try journal.record(entry("old-done", finished: true))
        try journal.record(entry("old-open"))
        var fresh = entry("new")
        fresh.updatedAt = t0.addingTimeInterval(3600)
        try journal.record(fresh)
        #expect(try journal.load().map(\.jobId).sorted() == ["new", "old-open"])
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(JobJournal.defaultFile(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).path
            == "/x/state/ecs-reinstall/jobs.jsonl")
        #expect(JobJournal.defaultFile(environment: ["HOME": "/home/u"]).path
            == "/home/u/.local/state/ecs-reinstall/jobs.jsonl")
        #expect(JobJournal.defaultFile(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).path
            == "/home/u/.local/state/ecs-reinstall/jobs.jsonl")
    }
}
