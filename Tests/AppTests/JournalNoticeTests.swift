import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

/// A journal that cannot be read or written is said on screen, and stays said: the operator
/// must know that a job will not resume, and where a damaged journal file went.
struct JournalNoticeTests {
    private let movedAside = JournalMovedAside(
        file: "/home/ops/.local/state/ecs-reinstall/jobs.jsonl",
        movedTo: "/home/ops/.local/state/ecs-reinstall/jobs.jsonl.unreadable-20250101T080000Z",
        reason: "line 3 is not a job entry", keptEntries: 2)

    @Test func aJournalFailureStaysOnScreenWhenOtherNewsComes() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        let message = "Job job-1 of web-01 is not journaled and will not resume after a restart. "
            + "The job journal could not be written: creating /x: Permission denied."
        _ = reduce(&state, .journalFailed(message))
        #expect(state.journalProblem == message)
        // The flash line is replaced by the next news; the journal's notice is not.
        _ = reduce(&state, .reinstallFailed(serverId: "s-other", "Ecs.0011 another failure"))
        // Wrapped over two lines: read them as one text.
        let text = render(state).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("Ecs.0011 another failure"))
        #expect(text.contains("Job job-1 of web-01 is not journaled and will not resume after a restart."))
        #expect(text.contains("The job journal could not be written: creating /x: Permission denied."))
    }

    @Test func aJournalMovedAsideIsShownWithWhereItWent() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        state.journalProblem = movedAside.message
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        let screen = render(state)
        assertSnapshot(screen, named: "journal-moved-aside-80x24")
        // The whole path is on screen, broken across the lines rather than cut.
        let joined = screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains(movedAside.movedTo))
        for line in screen.lines { #expect(DisplayWidth.of(line) <= 80) }
    }

    @Test func theListMakesRoomForTheNotice() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        let rows = ServerListLayout.visibleRows(state)
        state.journalProblem = "short"
        #expect(ServerListLayout.visibleRows(state) == rows - 1)
        state.journalProblem = String(repeating: "word ", count: 100)
        #expect(ServerListLayout.visibleRows(state) == rows - Layout.maxNoticeLines)
        #expect(render(state).lines.contains { $0.hasSuffix("…") })
    }

    /// The runtime's journal writer turns failures into the shared wording.
    @Test func theWriterReportsAMovedAsideFileAndAnUnwritableJournal() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("jobs.jsonl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "not json\n".write(to: file, atomically: false, encoding: .utf8)
        let entry = JournalEntry(jobId: "job-1", serverId: "s-web", serverName: "web-01", api: .v2,
                                 scope: "cn-north-4/p", submittedAt: Fixtures.now)
        let writer = JournalWriter(journal: JobJournal(file: file))
        let moved = try #require(await writer.record(entry, isNew: true).notice)
        #expect(moved.hasPrefix("Unreadable job journal moved to \(file.path).unreadable-"))
        #expect(moved.contains("(line 1 is not a job entry); a new one was started."))
        #expect(await writer.record(entry, isNew: false) == .written)

        let blocked = JournalWriter(journal: JobJournal(file: file.appendingPathComponent("below-a-file/jobs.jsonl")))
        let failure = try #require(await blocked.record(entry, isNew: true).notice)
        #expect(failure.hasPrefix("Job job-1 of web-01 is not journaled and will not resume after a restart. "
            + "The job journal could not be written: creating "))
        let update = try #require(await blocked.record(entry, isNew: false).notice)
        #expect(update.hasPrefix("The journal keeps an older state of job job-1. The job journal could not be written: "))
    }
}
