import Foundation
import HuaweiCloud
import Reinstall
import ScreenCapture
import Testing

@testable import App

/// With a slow API the operator leaves the form while the reinstall is on its way and presses
/// Enter on the same server again: the list says it is being submitted and refuses; one job
/// comes of it. And a job someone else started meanwhile means nothing is sent.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct SubmitOnceInProcessTests {
    @Test("Esc while submitting, then Enter on the same server, is refused; one job results")
    func escThenEnterWhileSubmittingIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-once-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = JobJournal(file: folder.appendingPathComponent("jobs.jsonl"))
        // Every answer takes 300 ms, as a congested API gateway's can: the keys below come first.
        let app = try await InProcessApp.start(cloud: try await TestCloud.start(latency: .milliseconds(300)),
                                               journal: journal)
        app.press(.enter)
        await app.untilIdle()
        app.press(.backTab, .backTab, .enter)
        app.type("web-01")
        app.press(.enter)
        #expect(app.screen.contains("Submitting…"), "\(app.screen)")

        app.press(.escape)
        #expect(AppScreen.serverRow(app.screen, "web-01")?.contains("SUBMITTING") == true, "\(app.screen)")
        #expect(!app.screen.contains("Reinstall the OS of"), "Esc closed the form\n\(app.screen)")
        app.press(.enter)
        #expect(app.screen.contains("is being submitted; wait for the cloud's answer"), "\(app.screen)")
        #expect(!app.screen.contains("Reinstall the OS of"), "no second form opens\n\(app.screen)")

        await app.untilIdle()
        #expect(app.screen.contains("submitted via v2"), "\(app.screen)")
        #expect(await app.cloud.reinstallPosts() == 1, "exactly one reinstall reached the cloud")
        #expect(try journal.load().entries.filter { $0.serverName == "web-01" }.count == 1, "journaled once")
        await app.stop()
    }

    @Test("A job another actor started while the app shows the server ACTIVE: the app sends nothing")
    func aSecondActorsJobMeansNothingIsSent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-other-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = JobJournal(file: folder.appendingPathComponent("jobs.jsonl"))
        let app = try await InProcessApp.start(journal: journal)
        app.press(.enter)
        await app.untilIdle()
        app.press(.backTab, .backTab, .enter)
        #expect(app.screen.contains("Review: reinstall the OS of web-01"), "\(app.screen)")

        // Meanwhile a script reinstalls web-01; the app still shows it as it was.
        let other = await app.cloud.client.reinstallSafely(
            serverId: SubmissionInProcessTests.web01, api: .v2,
            request: ReinstallRequest(keyName: "ops-ed25519", userId: app.cloud.simulator.configuration.userId,
                                      withStopServer: true))
        #expect(other.jobId != nil)

        app.type("web-01")
        app.press(.enter)
        await app.untilIdle()
        #expect(app.screen.contains("Nothing was sent; web-01 is busy"), "\(app.screen)")
        #expect(!app.screen.contains("submitted via"), "\(app.screen)")
        #expect(await app.cloud.reinstallPosts() == 1, "only the other actor's reinstall reached the cloud")
        #expect(try journal.load().entries.isEmpty, "the app journaled no job of its own")
        await app.stop()
    }
}
