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
        #expect(try journal.load().entries.isEmpty)
        try journal.record(entry("a"))
        try journal.record(entry("b"))
        try journal.record(entry("a", status: "RUNNING"))
        let loaded = try journal.load().entries
        #expect(loaded.map(\.jobId).sorted() == ["a", "b"])
        #expect(loaded.first { $0.jobId == "a" }?.lastStatus == "RUNNING")
    }

    @Test func aFinishedJobNeverReadsAsUnfinishedAfterALateWriteOfAnOlderState() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a", status: "SUCCESS", finished: true))
        try journal.record(entry("a", status: "RUNNING"))  // late: another process, or an older write
        let loaded = try #require(try journal.load().entries.first)
        #expect(loaded.isFinished)
        #expect(loaded.lastStatus == "SUCCESS")
        try journal.record(entry("a", status: "FAIL", finished: true))
        #expect(try journal.load().entries.first?.lastStatus == "FAIL", "a finished state still replaces another")
    }

    @Test func aReusedJobIdIsANewSubmissionWhoseEntryReplacesTheFinishedOne() throws {
        // A simulator restarted with its fixed seed hands out the same ids again.
        let journal = JobJournal(file: file)
        try journal.record(entry("a", status: "SUCCESS", finished: true))
        var again = entry("a")
        again.submittedAt = t0.addingTimeInterval(3600)
        again.updatedAt = again.submittedAt
        try journal.record(again)
        #expect(try journal.load().entries == [again], "the new submission is journaled, unfinished")

        var late = entry("a", status: "FAIL", finished: true)  // a late write about the older job
        late.updatedAt = again.submittedAt
        try journal.record(late)
        #expect(try journal.load().entries == [again], "never the older submission over the newer")
    }

    @Test func theSameJobIdInAnotherAccountIsAnotherEntry() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a", status: "SUCCESS", finished: true))
        try journal.record(entry("a", scope: "ap-southeast-1/q"))
        let loaded = try journal.load().entries
        #expect(loaded.count == 2)
        #expect(loaded.first { $0.scope == "cn-north-4/p" }?.isFinished == true)
        #expect(loaded.first { $0.scope == "ap-southeast-1/q" }?.isFinished == false)
    }

    @Test func theSameSubmissionIsRecognisedDespiteTheFileKeepingWholeSeconds() throws {
        // The follower's copy keeps the submission time to the nanosecond, the file to the second.
        let journal = JobJournal(file: file)
        var done = entry("a", status: "SUCCESS", finished: true)
        done.submittedAt = t0.addingTimeInterval(0.75)
        try journal.record(done)
        var late = entry("a", status: "RUNNING")
        late.submittedAt = t0.addingTimeInterval(0.75)
        try journal.record(late)
        #expect(try journal.load().entries.first?.isFinished == true)
    }

    @Test func theFileIsPrivateAndHoldsNoTemporaries() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names.sorted() == ["jobs.jsonl", "jobs.jsonl.lock"])
    }

    /// The files beside the journal whose names say they were moved aside.
    private func movedAsideFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("jobs.jsonl.unreadable-") }.sorted()
    }

    @Test func aDamagedFileIsMovedAsideWholeAndItsReadableEntriesKept() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a"))
        try journal.record(entry("b"))
        // A truncated write or a hand edit: half a line at the end, garbage in the middle.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = "{\"not\": \"an entry\"}\n" + text + String(text.prefix(40))
        try text.write(to: file, atomically: false, encoding: .utf8)

        let contents = try journal.load()
        #expect(contents.entries.map(\.jobId).sorted() == ["a", "b"])
        let moved = try #require(contents.movedAside)
        #expect(moved.reason == "lines 1, 4 are not job entries")
        #expect(moved.keptEntries == 2)
        #expect(moved.movedTo.wholeMatch(of: /.*\/jobs\.jsonl\.unreadable-\d{8}T\d{6}Z/) != nil, "\(moved.movedTo)")
        // The damaged file is kept byte for byte; the journal goes on with what could be read.
        #expect(try String(contentsOfFile: moved.movedTo, encoding: .utf8) == text)
        #expect(moved.message.contains(moved.movedTo))
        #expect(try journal.load().movedAside == nil)
        try journal.record(entry("c"))
        #expect(try journal.load().entries.map(\.jobId).sorted() == ["a", "b", "c"])
        #expect(try movedAsideFiles().count == 1)
    }

    @Test func aSecondDamagedFileNeverReplacesTheFirst() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("a"))
        try "garbage one\n".write(to: file, atomically: false, encoding: .utf8)
        let first = try #require(try journal.record(entry("b")))
        try "garbage two\n".write(to: file, atomically: false, encoding: .utf8)
        let second = try #require(try journal.removeAll(scope: "demo"))
        #expect(first.movedTo != second.movedTo)
        #expect(try String(contentsOfFile: first.movedTo, encoding: .utf8) == "garbage one\n")
        #expect(try String(contentsOfFile: second.movedTo, encoding: .utf8) == "garbage two\n")
        #expect(try movedAsideFiles().count == 2)
    }

    @Test func aFileThatCannotBeReadIsMovedAside() throws {
        let journal = JobJournal(file: file)
        // Something that is not a readable file where the journal should be (mode bits would not
        // stop the tests when they run as root).
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let contents = try journal.load()
        #expect(contents.entries.isEmpty)
        let moved = try #require(contents.movedAside)
        #expect(moved.keptEntries == 0)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: moved.movedTo, isDirectory: &isDirectory) && isDirectory.boolValue)
        try journal.record(entry("a"))
        #expect(try journal.load().entries.map(\.jobId) == ["a"])
    }

    @Test func aJournalThatCannotBeWrittenSaysWhy() throws {
        // The journal's folder cannot be created: a file stands where it should be.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "not a folder".write(to: directory.appendingPathComponent("state"), atomically: false, encoding: .utf8)
        let journal = JobJournal(file: file)
        #expect(throws: JobJournal.Failure.self) { try journal.record(entry("a")) }
        do {
            try journal.record(entry("a"))
        } catch {
            let message = JournalMessages.notJournaled(jobId: "a", serverName: "server a", error)
            #expect(message.hasPrefix("Job a of server a is not journaled and will not resume after a restart. "
                + "The job journal could not be written: creating "))
        }
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let first = JobJournal(file: file)
        let second = JobJournal(file: file)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                let journal = i.isMultiple(of: 2) ? first : second
                let record = entry("job-\(i)")
                group.addTask { _ = try? journal.record(record) }
            }
        }
        #expect(try first.load().entries.count == 40)
    }

    @Test func removingAScopeKeepsTheOthers() throws {
        let journal = JobJournal(file: file)
        try journal.record(entry("demo-1", scope: "demo"))
        try journal.record(entry("real-1"))
        try journal.removeAll(scope: "demo")
        #expect(try journal.load().entries.map(\.jobId) == ["real-1"])
    }

    @Test func oldFinishedEntriesArePrunedButUnfinishedOnesStay() throws {
        var journal = JobJournal(file: file)
        journal.retention = 60
        try journal.record(entry("old-done", finished: true))
        try journal.record(entry("old-open"))
        var fresh = entry("new")
        fresh.updatedAt = t0.addingTimeInterval(3600)
        try journal.record(fresh)
        #expect(try journal.load().entries.map(\.jobId).sorted() == ["new", "old-open"])
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
