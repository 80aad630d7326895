import Foundation
import HuaweiCloud
import Testing

@testable import CloudSimulator

/// The simulated account's other regions and subproject: IAM lists them all, and each project's
/// requests are answered from its own servers, images, key pairs and jobs.
struct MultiProjectTests {
    private func connect(_ simulator: CloudSimulator, clock: ManualClock? = nil) async throws -> CloudClient {
        let configuration = simulator.configuration
        let base = try #require(await simulator.url)
        var now: @Sendable () -> Date = { Date() }
        if let clock { now = { clock.now() } }
        return try await CloudClient.connect(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey),
            endpoints: Endpoints(region: configuration.region, override: base), retry: .none, now: now)
    }

    @Test func theProjectsCallListsEveryRegionTheSubprojectAndMOS() async throws {
        try await withSimulator { simulator, raw in
            let listed = try await raw.get("/v3/auth/projects").decode(ProjectList.self)
            #expect(listed.projects.map(\.name) == ["cn-north-4", "cn-east-3", "ap-southeast-1", "cn-north-4_staging", "MOS"])
            let scopes = try await connect(simulator).reachableScopes()
            #expect(scopes.map(\.projectName) == ["ap-southeast-1", "cn-east-3", "cn-north-4", "cn-north-4_staging"])
            // The project lookup by name finds another region's project too.
            let east = try await raw.get("/v3/projects", query: [("name", "cn-east-3")]).decode(ProjectList.self)
            #expect(east.projects.map(\.id) == [DemoRegions.east3])
        }
    }

    @Test func eachProjectListsItsOwnServersImagesAndKeyPairs() async throws {
        try await withSimulator { simulator, _ in
            let home = try await connect(simulator)
            let east = home.scoped(to: ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3))
            let staging = home.scoped(to: ProjectScope(region: "cn-north-4", projectId: DemoRegions.north4Sub,
                                                       projectName: "cn-north-4_staging"))
            #expect(try await home.listServers(page: 1).count == 12)
            #expect(try await east.listServers(page: 1).servers.map(\.name) == ["east-web-01", "east-db-01", "east-win-01"])
            #expect(try await staging.listServers(page: 1).servers.map(\.name) == ["staging-app-01", "staging-app-02"])
            #expect(try await east.keypairs().map(\.name) == ["east-deploy"])
            #expect(try await home.keypairs().map(\.name) == ["deploy-rsa", "ops-ed25519"])
            // A server is only in its own project.
            await #expect(throws: CloudError.self) { _ = try await east.showServer(id: Demo.web01) }
            let web = try await east.showServer(id: "4c8e2a6b-1d3f-4a5c-9e7b-2d4f6a8c0e21")
            #expect(web.name == "east-web-01")
            #expect(try await east.image(id: try #require(web.imageId))?.name == "Ubuntu 22.04 server 64bit")
        }
    }

    @Test func aJobIsReadInItsOwnProjectOnly() async throws {
        let clock = ManualClock()
        try await withSimulator(clock: clock) { simulator, _ in
            let home = try await connect(simulator, clock: clock)
            let east = home.scoped(to: ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3))
            let serverId = "4c8e2a6b-1d3f-4a5c-9e7b-2d4f6a8c0e21"
            let jobId = try await east.reinstall(serverId: serverId, api: .v2,
                                                 request: ReinstallRequest(keyName: "east-deploy", withStopServer: true))
            #expect(try await east.showServer(id: serverId).status == .rebuild)
            // Between the reads, the other project answers from its own state.
            #expect(try await home.showServer(id: Demo.web01).status == .active)
            await #expect(throws: CloudError.self) { _ = try await home.job(id: jobId) }
            clock.advance(by: .seconds(60))
            #expect(try await east.job(id: jobId).status == .success)
            #expect(try await east.showServer(id: serverId).status == .active)
            #expect(await simulator.servers(projectId: DemoRegions.east3).first { $0.id == serverId }?.status == .active)
        }
    }

    /// A key pair of another project is unknown here, as it is in the real cloud's other regions.
    @Test func anotherProjectsKeyPairIsRefused() async throws {
        try await withSimulator { simulator, _ in
            let east = try await connect(simulator)
                .scoped(to: ProjectScope(region: "cn-east-3", projectId: DemoRegions.east3))
            await #expect {
                _ = try await east.reinstall(serverId: "4c8e2a6b-1d3f-4a5c-9e7b-2d4f6a8c0e21", api: .v2,
                                             request: ReinstallRequest(keyName: "ops-ed25519", withStopServer: true))
            } throws: { error in
                (error as? CloudError)?.code == "Ecs.0314"
            }
        }
    }

    /// A project id the account does not have is refused as before, whatever the route.
    @Test func anUnknownProjectIsRefused() async throws {
        try await withSimulator { simulator, _ in
            let stranger = try await connect(simulator)
                .scoped(to: ProjectScope(region: "cn-east-3", projectId: "00000000000000000000000000000000"))
            await #expect {
                _ = try await stranger.listServers(page: 1)
            } throws: { error in
                (error as? CloudError)?.code == "Ecs.0023"
            }
        }
    }
}
