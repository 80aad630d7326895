import Foundation
import HuaweiCloud
import Reinstall
import Synchronization
import Testing

@testable import App

/// Which client each effect is done with, once `:` has switched scope.
struct ScopedCloudsTests {
    /// The scopes a client was made for, in order.
    final class MadeFor: Sendable {
        private let scopes = Mutex<[String]>([])
        func append(_ scope: String) { scopes.withLock { $0.append(scope) } }
        var all: [String] { scopes.withLock { $0 } }
    }

    /// The clouds of a run started in cn-north-4, and the scopes they made clients for.
    final class Made: Sendable {
        let scopes = MadeFor()
        let clouds: ScopedClouds

        init() {
            let client = CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                                     endpoints: Endpoints(region: "cn-north-4"), projectId: "p-n4",
                                     transport: HTTPClientTransport(proxies: .direct))
            let scopes = self.scopes
            clouds = ScopedClouds(client: client, scope: "cn-north-4/p-n4") { client, scope in
                scopes.append(scope)
                return CloudEffects(client: client, journal: JournalWriter(journal: nil), scope: scope,
                                    pollSchedule: PollSchedule(), now: { Date() }, send: { _ in })
            }
        }
    }

    private func watch(_ scope: String) -> Effect {
        .watchJob(JournalEntry(jobId: "job-1", serverId: "s-1", serverName: "web-01", api: .v2, scope: scope,
                               submittedAt: Date(timeIntervalSince1970: 0)))
    }

    /// A job of a scope this run has not worked in is read with a client of its own region and
    /// project, never with the one the list shows.
    @Test func aWatchOfAnotherScopeUsesAClientOfItsOwn() throws {
        let made = Made()
        let cloud = try made.clouds.cloud(for: watch("cn-east-3/p-e3"))
        #expect(cloud.client.projectId == "p-e3")
        #expect(cloud.client.endpoints.region == "cn-east-3")
        #expect(try made.clouds.cloud(for: .loadUserId).client.projectId == "p-n4", "the list's scope is unchanged")
        // Kept for the next watch of that scope, and for a switch there.
        _ = try made.clouds.cloud(for: watch("cn-east-3/p-e3"))
        made.clouds.use(ProjectScope(region: "cn-east-3", projectId: "p-e3"), journalScope: "cn-east-3/p-e3")
        #expect(made.scopes.all == ["cn-north-4/p-n4", "cn-east-3/p-e3"])
    }

    /// Back in a scope worked in before, its client and poller are the ones made the first time.
    @Test func goingBackReusesTheFirstScopesWork() throws {
        let made = Made()
        let east = ProjectScope(region: "cn-east-3", projectId: "p-e3")
        made.clouds.use(east, journalScope: "cn-east-3/p-e3")
        #expect(try made.clouds.cloud(for: .loadUserId).client.projectId == "p-e3")
        made.clouds.use(ProjectScope(region: "cn-north-4", projectId: "p-n4"), journalScope: "cn-north-4/p-n4")
        made.clouds.use(east, journalScope: "cn-east-3/p-e3")
        made.clouds.use(ProjectScope(region: "cn-north-4", projectId: "p-n4"), journalScope: "cn-north-4/p-n4")
        #expect(try made.clouds.cloud(for: .loadUserId).client.projectId == "p-n4")
        #expect(made.scopes.all == ["cn-north-4/p-n4", "cn-east-3/p-e3"], "one client per scope")
    }

    /// An entry whose scope names no region and project (the bare `demo` of earlier versions) is
    /// refused with why, not read in the scope shown.
    @Test func aWatchOfAnEntryWithoutRegionIsRefused() {
        let made = Made()
        #expect {
            _ = try made.clouds.cloud(for: watch("demo"))
        } throws: { error in
            (error as? CloudError)?.message.contains("job-1 of web-01 is not followed") == true
        }
    }
}
