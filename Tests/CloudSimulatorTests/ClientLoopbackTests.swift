import Foundation
import HuaweiCloud
import Testing

@testable import CloudSimulator

/// The real client against the simulator over loopback HTTP: every call is signed by the client
/// and verified by the simulator, so these also test the signer end to end.
struct ClientLoopbackTests {
    private func connect(_ simulator: CloudSimulator, secret: Secret? = nil, clock: ManualClock? = nil) async throws -> CloudClient {
        let configuration = simulator.configuration
        let url = await simulator.url
        let base = try #require(url)
        var now: @Sendable () -> Date = { Date() }
        if let clock { now = { clock.now() } }
        return try await CloudClient.connect(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: secret ?? configuration.secretKey),
            endpoints: Endpoints(region: configuration.region, override: base), retry: .none, now: now)
    }

    @Test func theProjectIsLookedUpInIAMAndServersArePagedByPageNumber() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            #expect(client.projectId == simulator.configuration.projectId)
            let first = try await client.listServers(page: 1, limit: 5)
            let last = try await client.listServers(page: 3, limit: 5)
            #expect(first.count == 12)
            #expect(first.servers.count == 5)
            #expect(last.servers.count == 2)
            #expect(Set(first.servers.map(\.id)).isDisjoint(with: last.servers.map(\.id)))
        }
    }

    @Test func imagesKeypairsAndTheUserIdAreRead() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            let web = try await client.showServer(id: Demo.web01)
            let imageId = try #require(web.imageId)
            let found = try await client.image(id: imageId)
            let image = try #require(found)
            #expect(image.imageType == "gold")
            #expect(try await client.image(id: "no-such-image") == nil)
            let pairs = try await client.keypairs(pageSize: 1)
            #expect(pairs.map(\.name).sorted() == ["deploy-rsa", "ops-ed25519"])
            #expect(try await client.userId() == Demo.userId)
        }
    }

    @Test func aKeypairReinstallRunsToSuccess() async throws {
        let clock = ManualClock()
        try await withSimulator(clock: clock) { simulator, _ in
            let client = try await connect(simulator, clock: clock)
            let jobId = try await client.reinstall(
                serverId: Demo.web01, api: .v2,
                request: ReinstallRequest(keyName: "ops-ed25519", userId: Demo.userId, withStopServer: true))
            #expect(try await client.showServer(id: Demo.web01).status == .rebuild)
            clock.advance(by: .seconds(60))
            let job = try await client.job(id: jobId)
            #expect(job.status == .success)
            #expect(job.entities?.serverId == Demo.web01)
            #expect(try await client.showServer(id: Demo.web01).status == .active)
        }
    }

    @Test func refusalsArriveAsTypedErrorsWithoutThePassword() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            do {
                _ = try await client.reinstall(serverId: Demo.winAD, api: .v1,
                                               request: ReinstallRequest(adminPass: "short1A"))
                Issue.record("a weak password was accepted")
            } catch let error as CloudError {
                #expect(error.code == "Ecs.0011")
                #expect(!error.message.contains("short1A"))
            }
        }
    }

    @Test func aWrongSecretKeyIsRefusedByTheGateway() async throws {
        try await withSimulator { simulator, _ in
            await #expect {
                _ = try await connect(simulator, secret: "not-the-secret")
            } throws: { error in
                (error as? CloudError)?.code == "APIGW.0301"
            }
        }
    }
}
