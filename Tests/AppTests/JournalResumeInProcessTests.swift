import Foundation
import Reinstall
import ScreenCapture
import Testing

@testable import App

/// A reinstall survives the death of the session that submitted it: the job was journaled before
/// its pane appeared, and the next start resumes it from the journal.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct JournalResumeInProcessTests {
    @Test("submit, crash, start again: the pane resumes and reaches SUCCESS, and the journal says so")
    func aCrashedSessionResumesItsJob() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = JobJournal(file: folder.appendingPathComponent("jobs.jsonl"))
        let cloud = try await TestCloud.start()

        let first = try await InProcessApp.start(cloud: cloud, journal: journal)
        first.press(.enter)
        await first.untilIdle()
        first.press(.backTab, .backTab, .enter)
        first.type("web-01")
        first.press(.enter)
        await first.untilIdle()
        await first.until { app in
            AppScreen.jobPane(app.screen, server: "web-01").map { $0.contains("INIT") || $0.contains("RUNNING") } ?? false
        }
        let written = try journal.load().entries
        #expect(written.count == 1 && written.first?.serverName == "web-01" && written.first?.isFinished == false,
                "the running job is journaled once its pane shows: \(written)")
        first.abandon()

        let second = try await InProcessApp.start(cloud: cloud, journal: journal)
        #expect(second.screen.contains("Resumed 1 unfinished job"), "\(second.screen)")
        #expect(AppScreen.jobPane(second.screen, server: "web-01") != nil, "\(second.screen)")
        cloud.finishJobs()
        await second.until { AppScreen.jobPane($0.screen, server: "web-01")?[2] == "SUCCESS" }
        await second.untilIdle()  // the finished state's journal write
        #expect(try journal.load().entries.map(\.isFinished) == [true], "the journal knows the job finished")
        #expect(await cloud.reinstallPosts() == 1, "resuming follows the job; it never sends it again")
        await second.stop()
    }
}
