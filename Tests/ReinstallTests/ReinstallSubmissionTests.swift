import Foundation

import Synchronization
import Testing

@testable import HuaweiCloud
@testable import Reinstall

/// The one submission step: fresh facts before the POST, the POST once, the journal before the
/// answer, refusals reported as refusals.
struct ReinstallSubmissionTests {
    /// A cloud whose answers are scripted; it records what was asked of it, in order, together
    /// with the journal's writes.
    final class ScriptedCloud: SubmissionCloud, SubmissionJournal {
        let log = Mutex<[String]>([])
        let fresh: Result<Server, CloudError>
        let answer: ReinstallOutcome?

        init(fresh: Result<Server, CloudError>, answer: ReinstallOutcome? = nil) {
            self.fresh = fresh
            self.answer = answer
        }

        var events: [String] { log.withLock { $0 } }
        var posts: Int { events.filter { $0.hasPrefix("POST") }.count }

        func showServer(id: String) async throws -> Server {
            log.withLock { $0.append("GET \(id)") }
            return try fresh.get()
        }

        func reinstallOnce(serverId: String, api: ReinstallAPI, request: ReinstallRequest, before: Server) async -> ReinstallOutcome {
            log.withLock { $0.append("POST \(serverId) before=\(before.statusText)") }
            return answer ?? .notStarted(cause: .configuration("no answer scripted"))
        }

        func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite {
            log.withLock { $0.append("JOURNAL \(entry.jobId)") }
            return .written
        }
    }

    static func server(status: ServerStatus = .shutoff, taskState: String? = nil, locked: Bool = false) -> Server {
        Server(id: "s-1", name: "web-01", status: status, taskState: taskState, imageId: "img",
               metadata: ["os_type": "Linux"],
               volumesAttached: [.init(id: "v", bootIndex: "0", device: "/dev/vda")], locked: locked)
    }

    static func plan() throws -> ReinstallPlan {
        try ReinstallPlan.make(server: server(), api: .v2, login: .keypair(name: "ops"), userId: "u-1",
                               withStopServer: false, options: ReinstallOptions())
    }

    private func submit(_ cloud: ScriptedCloud) async throws -> SubmissionResult {
        let submission = ReinstallSubmission(cloud: cloud, journal: cloud, scope: "test",
                                             now: { Date(timeIntervalSince1970: 1_700_000_000) })
        return await submission.submit(try Self.plan())
    }

    struct Busy: Sendable, CustomTestStringConvertible {
        var server: Server
        var what: String
        var testDescription: String { what }
    }

    static let busy: [Busy] = [
        Busy(server: server(status: .rebuild, taskState: "rebuilding"), what: "task rebuilding"),
        Busy(server: server(status: .rebuild), what: "status REBUILD"),
        Busy(server: server(status: .shutoff, taskState: "powering-on"), what: "task powering-on"),
        Busy(server: server(status: .active, taskState: "rebooting"), what: "task rebooting"),
        Busy(server: server(locked: true), what: "locked"),
    ]

    @Test(arguments: busy)
    func aServerSomeoneElseStartedSomethingOnIsSentNothing(_ busy: Busy) async throws {
        let cloud = ScriptedCloud(fresh: .success(busy.server), answer: .accepted(jobId: "never"))
        let result = try await submit(cloud)
        #expect(cloud.posts == 0, "nothing may be sent to a busy server")
        #expect(cloud.events == ["GET s-1"])
        guard case let .refused(reason, server) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(server == busy.server)
        #expect(reason.hasPrefix("Nothing was sent"), "\(reason)")
        #expect(reason.contains("web-01"))
        #expect(reason.contains(busy.what), "\(reason)")
        #expect(result.isSafeToRetry)
    }

    @Test func aClearServerIsSentOnceAgainstItsFreshState() async throws {
        var fresh = Self.server(status: .active)
        fresh.keyName = "ops"
        let cloud = ScriptedCloud(fresh: .success(fresh), answer: .accepted(jobId: "j-1"))
        _ = try await submit(cloud)
        #expect(cloud.posts == 1)
        #expect(cloud.events.first == "GET s-1", "read right before the POST")
        #expect(cloud.events.contains("POST s-1 before=ACTIVE"), "judged against the fresh read, \(cloud.events)")
    }

    @Test func theJobIsJournaledBeforeTheOutcomeIsReturned() async throws {
        let cloud = ScriptedCloud(fresh: .success(Self.server()), answer: .accepted(jobId: "j-1"))
        let result = try await submit(cloud)
        // The journal's write is logged inside the step, so it happened before `submit` returned.
        #expect(cloud.events == ["GET s-1", "POST s-1 before=SHUTOFF", "JOURNAL j-1"])
        guard case let .accepted(entry, journal) = result else {
            Issue.record("expected accepted, got \(result)")
            return
        }
        #expect(entry.jobId == "j-1")
        #expect(entry.serverId == "s-1")
        #expect(entry.scope == "test")
        #expect(entry.lastStatus == JournalEntry.submitted)
        #expect(journal == .written)
        #expect(!result.isSafeToRetry)
    }

    @Test func anUnclearOutcomeIsNotJournaledAndSaysSo() async throws {
        let unknown = ReinstallOutcome.unknown(server: Self.server(), cause: .transport("the request timed out"))
        let cloud = ScriptedCloud(fresh: .success(Self.server()), answer: unknown)
        let result = try await submit(cloud)
        #expect(cloud.posts == 1)
        #expect(!cloud.events.contains { $0.hasPrefix("JOURNAL") })
        #expect(result == .judged(unknown))
        #expect(result.isUnclear)
        #expect(!result.isSafeToRetry)
    }

    @Test func aServerThatCannotBeReadAgainIsSentNothing() async throws {
        let gone = CloudError.api(status: 404, code: "Ecs.0114", message: "no such server", requestId: nil)
        let cloud = ScriptedCloud(fresh: .failure(gone), answer: .accepted(jobId: "never"))
        let result = try await submit(cloud)
        #expect(cloud.posts == 0)
        #expect(result == .judged(.notStarted(cause: gone)))
    }

    /// The judge itself: a refusal naming another running job is "nothing was started", even when
    /// the re-read shows the other job's REBUILD.
    @Test(arguments: [(409, "Ecs.0603"), (400, "Ecs.0603"), (501, "Ecs.0603"), (400, "Ecs.0100")])
    func aRefusalNamingAnotherJobIsNotStarted(status: Int, code: String) {
        let failure = CloudError.api(status: status, code: code, message: "other commands are being executed", requestId: nil)
        let busyAfter = Self.server(status: .rebuild, taskState: "rebuilding")
        let outcome = ReinstallOutcome.judge(failure: failure, reach: .answered(status: status), before: Self.server(),
                                             after: busyAfter)
        #expect(outcome == .notStarted(cause: failure))
        #expect(outcome.message.hasPrefix("Nothing was started"))
        #expect(!outcome.message.contains("the reinstall started"))
    }
}
