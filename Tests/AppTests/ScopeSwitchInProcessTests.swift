import CloudSimulator
import Foundation
import HuaweiCloud
import Reinstall
import ScreenCapture
import Testing

@testable import App

/// `:` against the simulator: another region's servers without a restart, while a job started
/// before the switch is still read in its own region until it succeeds.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct ScopeSwitchInProcessTests {
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ecs-scope-\(UUID().uuidString)")
    }

    @Test("start in cn-north-4, reinstall web-01, switch to cn-east-3: its list, and web-01's job followed to SUCCESS")
    func aSwitchReloadsTheListAndKeepsFollowingTheOldJob() async throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = JobJournal(file: folder.appendingPathComponent("jobs.jsonl"))
        let memory = ScopeMemory(file: folder.appendingPathComponent("state/ecs-reinstall/last-scope.json"), account: "demo")
        let app = try await InProcessApp.start(journal: journal, scopeMemory: memory)
        let home = app.cloud.client.projectId
        #expect(AppScreen.serverNames(app.screen).contains("web-01"))

        app.press(.enter)
        await app.untilIdle()
        app.press(.backTab, .backTab, .enter)
        app.type("web-01")
        app.press(.enter)
        await app.untilIdle()
        await app.until { app in
            AppScreen.jobPane(app.screen, server: "web-01").map { $0.contains("INIT") || $0.contains("RUNNING") } ?? false
        }

        app.press(.character(":"))
        await app.untilIdle()
        #expect(app.screen.contains("Switch region or project"), "\(app.screen)")
        #expect(app.screen.contains("cn-east-3") && app.screen.contains("project cn-north-4_staging"), "\(app.screen)")
        #expect(!app.screen.contains("MOS"))
        app.type("east")
        app.press(.enter)
        await app.untilIdle()

        let names = AppScreen.serverNames(app.screen)
        #expect(Set(names) == ["east-web-01", "east-db-01", "east-win-01"], "\(app.screen)")
        #expect(app.lines[0].contains("cn-east-3 · project 4b2e7c1d"), "\(app.lines[0])")
        #expect(app.state.keypairs.value?.map(\.name) == ["east-deploy"])
        #expect(AppScreen.jobPane(app.screen, server: "web-01") != nil, "the old scope's pane stays: \(app.screen)")
        #expect(app.screen.contains("[cn-north-4]"), "\(app.screen)")

        app.cloud.finishJobs()
        await app.until { AppScreen.jobPane($0.screen, server: "web-01")?[2] == "SUCCESS" }
        await app.untilIdle()
        let jobReads = await app.cloud.simulator.receivedRequests().filter { $0.path.contains("/jobs/") }
        #expect(!jobReads.isEmpty && jobReads.allSatisfy { $0.path.hasPrefix("/v1/\(home)/") },
                "the job is read in its own project: \(jobReads.map(\.path))")
        let entries = try journal.load().entries
        #expect(entries.map(\.scope) == [JournalEntry.scope(demo: true, region: "cn-north-4", projectId: home)])
        #expect(entries.map(\.isFinished) == [true])
        // Still the east list: the refresh after the job lists the scope shown.
        #expect(Set(AppScreen.serverNames(app.screen)) == ["east-web-01", "east-db-01", "east-win-01"])
        #expect(await app.cloud.reinstallPosts() == 1)

        // Remembered for the next start, privately.
        #expect(memory.recall() == ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3))
        let attributes = try FileManager.default.attributesOfItem(atPath: memory.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: memory.file.deletingLastPathComponent().path)
        #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        await app.stop()
    }

    @Test("a job of cn-east-3 left unfinished in the journal is resumed when the list switches there")
    func aSwitchResumesTheNewScopesUnfinishedJobs() async throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = JobJournal(file: folder.appendingPathComponent("jobs.jsonl"))
        let cloud = try await TestCloud.start()
        let east = cloud.client.scoped(to: ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3))
        let serverId = "6e0a4c8d-3f5b-4c7e-8a9d-4f6b8c0e2a22"
        let jobId = try await east.reinstall(serverId: serverId, api: .v2,
                                             request: ReinstallRequest(keyName: "east-deploy", withStopServer: true))
        let scope = JournalEntry.scope(demo: true, region: "cn-east-3", projectId: DemoRegions.east3)
        _ = try journal.record(JournalEntry(jobId: jobId, serverId: serverId, serverName: "east-db-01", api: .v2,
                                            scope: scope, submittedAt: Date()))

        let app = try await InProcessApp.start(cloud: cloud, journal: journal)
        #expect(AppScreen.jobPane(app.screen, server: "east-db-01") == nil, "not this scope's: \(app.screen)")
        app.press(.character(":"))
        await app.untilIdle()
        app.type("east")
        app.press(.enter)
        await app.untilIdle()
        #expect(app.screen.contains("resumed 1 unfinished job"), "\(app.screen)")
        cloud.finishJobs()
        await app.until { AppScreen.jobPane($0.screen, server: "east-db-01")?[2] == "SUCCESS" }
        await app.untilIdle()
        #expect(try journal.load().entries.map(\.isFinished) == [true])
        await app.stop()
    }

    /// The runner, not only the poller that was already watching: a watch asked for after a switch
    /// reads the job with the client of the job's own scope, as its journal entry names it.
    @Test("after a switch, a watch of the previous scope's job reads it in its own project")
    func aWatchAfterASwitchReadsTheJobInItsOwnScope() async throws {
        let cloud = try await TestCloud.start()
        let home = JournalEntry.scope(demo: true, region: cloud.region, projectId: cloud.client.projectId)
        let web01 = SubmissionInProcessTests.web01
        let jobId = try await cloud.client.reinstall(serverId: web01, api: .v2,
                                                     request: ReinstallRequest(keyName: "ops-ed25519", withStopServer: true))
        let (events, continuation) = AsyncStream.makeStream(of: AppEvent.self)
        let runner = EffectRunner(client: cloud.client, journal: nil, scope: home, pollSchedule: InProcessApp.quickPolls) {
            continuation.yield($0)
        }
        let east = ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3)
        runner.run(.useScope(east, journalScope: JournalEntry.scope(demo: true, region: "cn-east-3", projectId: east.projectId)))
        runner.run(.watchJob(JournalEntry(jobId: jobId, serverId: web01, serverName: "web-01", api: .v2, scope: home,
                                          submittedAt: Date())))
        var followed: JobFollower?
        for await event in events {
            if case let .jobFollowed(update) = event {
                followed = update.follower
                break
            }
        }
        #expect(followed?.job?.jobId == jobId && followed?.failures == 0,
                "read in cn-north-4's project: \(String(describing: followed?.lastFailure))")
        let reads = await cloud.simulator.receivedRequests().filter { $0.path.contains("/jobs/") }
        #expect(!reads.isEmpty && reads.allSatisfy { $0.path == "/v1/\(cloud.client.projectId)/jobs/\(jobId)" },
                "\(reads.map(\.path))")
        runner.cancelAll()
        await cloud.stop()
    }
}
