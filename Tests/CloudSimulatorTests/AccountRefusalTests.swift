import Foundation
import HuaweiCloud
import Testing

@testable import CloudSimulator

/// The simulator says no as a real account does (no IAM read, no KPS), and the real client, over
/// loopback, finds its way round: the project from the caller's own projects, key pairs from ECS,
/// a key pair reinstall without `userid`.
struct AccountRefusalTests {
    private static func refusing(iam: Bool = false, kps: Bool = false) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.refusals = AccountRefusals(noIAMRead: iam, noKPS: kps)
        return configuration
    }

    private func connect(_ simulator: CloudSimulator, region: String? = nil) async throws -> CloudClient {
        let configuration = simulator.configuration
        let base = try #require(await simulator.url)
        return try await CloudClient.connect(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey),
            endpoints: Endpoints(region: region ?? configuration.region, override: base), retry: .none)
    }

    @Test func withoutIAMReadTheProjectComesFromTheCallersOwnProjects() async throws {
        try await withSimulator(Self.refusing(iam: true)) { simulator, raw in
            let refused = try await raw.get("/v3/projects", query: [("name", "cn-north-4")])
            #expect(refused.status == 403 && refused.errorCode == "IAM.0002")
            #expect(try await raw.get("/v3/auth/projects").status == 200)

            let client = try await connect(simulator)
            #expect(client.projectId == simulator.configuration.projectId)
            let paths = await simulator.receivedRequests().map(\.path)
            #expect(paths.contains("/v3/projects") && paths.contains("/v3/auth/projects"))
            // The credential lookup is refused too: the user id is simply not known.
            #expect(try await client.userIdIfKnown() == nil)
        }
    }

    @Test func withoutIAMReadAnUnknownRegionIsRefusedNamingTheVariable() async throws {
        try await withSimulator(Self.refusing(iam: true)) { simulator, _ in
            await #expect {
                _ = try await connect(simulator, region: "cn-south-1")
            } throws: { error in
                let message = (error as? CloudError)?.message ?? ""
                return message.contains("iam:projects:list") && message.contains("no project named cn-south-1")
                    && message.contains("HUAWEICLOUD_SDK_PROJECT_ID")
            }
        }
    }

    @Test func withIAMReadAnUnknownRegionIsRefusedNamingTheVariable() async throws {
        try await withSimulator { simulator, _ in
            await #expect {
                _ = try await connect(simulator, region: "cn-south-1")
            } throws: { error in
                (error as? CloudError)?.message.contains("HUAWEICLOUD_SDK_PROJECT_ID") == true
            }
        }
    }

    @Test func withoutKPSKeyPairsComeFromECS() async throws {
        try await withSimulator(Self.refusing(kps: true)) { simulator, raw in
            let pid = simulator.configuration.projectId
            let refused = try await raw.get("/v3/\(pid)/keypairs")
            #expect(refused.status == 404 && refused.errorCode == "APIGW.0101")
            let nova = try await raw.get("/v2.1/\(pid)/os-keypairs").json()
            let first = try #require((nova["keypairs"] as? [[String: Any]])?.first?["keypair"] as? [String: Any])
            #expect(Set(first.keys) == ["fingerprint", "name", "type", "public_key"])

            let listing = try await connect(simulator).keypairListing()
            #expect(listing.source == .ecs)
            #expect(listing.keypairs.map(\.name).sorted() == ["deploy-rsa", "ops-ed25519"])
        }
    }

    @Test func osKeypairsIsServedWithKPSToo() async throws {
        try await withSimulator { simulator, raw in
            let reply = try await raw.get("/v2.1/\(simulator.configuration.projectId)/os-keypairs")
            #expect(reply.status == 200)
            #expect(try await connect(simulator).keypairListing().source == .kps)
        }
    }

    @Test func aKeyPairReinstallWithoutUserIdIsAccepted() async throws {
        try await withSimulator(Self.refusing(iam: true, kps: true)) { simulator, _ in
            let client = try await connect(simulator)
            let jobId = try await client.reinstall(
                serverId: Demo.web01, api: .v2, request: ReinstallRequest(keyName: "ops-ed25519", withStopServer: true))
            let login = try #require(await simulator.reinstallLogin(jobId: jobId))
            #expect(login == ReinstallLogin(keyName: "ops-ed25519", userId: nil, password: false))
            #expect(try await client.showServer(id: Demo.web01).status == .rebuild)
        }
    }
}
