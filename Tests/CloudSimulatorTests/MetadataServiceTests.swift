import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HuaweiCloud
import Testing

@testable import CloudSimulator

/// The simulator's ECS metadata service and its temporary credentials, read by the client's
/// `ECSMetadataService` and `CredentialChain` over loopback, on the simulator's clock.
struct MetadataServiceTests {
    static func configuration(lifetime: Duration = .seconds(15 * 60)) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.temporaryCredentialLifetime = lifetime
        return configuration
    }

    /// A plain request to the metadata service, headers as given.
    func plain(_ method: String, _ url: URL, _ path: String, headers: [String: String] = [:]) async throws -> (Int, Data) {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func theSecurityKeyNeedsASessionTokenAndTheInstanceNamesProjectAndRegion() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let (noToken, _) = try await plain("GET", url, "openstack/latest/securitykey")
            #expect(noToken == 401)
            let (badToken, _) = try await plain("GET", url, "openstack/latest/securitykey", headers: ["X-Metadata-Token": "forged"])
            #expect(badToken == 401)
            let (noTTL, _) = try await plain("PUT", url, "meta-data/latest/api/token")
            #expect(noTTL == 400)

            let service = ECSMetadataService(baseURL: url)
            let instance = try await service.instance()
            #expect(instance.projectId == simulator.configuration.projectId)
            #expect(instance.region == simulator.configuration.region)
            let issued = try await service.credentials(projectId: instance.projectId)
            #expect(issued.credentials.accessKey.hasPrefix("TMP"))
            #expect(issued.credentials.securityToken != nil)
            #expect(issued.credentials.accessKey != simulator.configuration.accessKey)
            // Second-exact: the wire has microseconds, which are dropped.
            #expect(abs(issued.expiresAt.timeIntervalSince(clock.now().addingTimeInterval(15 * 60))) < 1)
            // The same credentials until they come within 10 minutes of expiring.
            #expect(try await service.credentials(projectId: nil).credentials.accessKey == issued.credentials.accessKey)
            clock.advance(by: .seconds(8 * 60))
            #expect(try await service.credentials(projectId: nil).credentials.accessKey != issued.credentials.accessKey)
        }
    }

    @Test func theMetadataServiceIsOffUnlessConfigured() async throws {
        try await withSimulator { simulator, _ in
            let url = try #require(await simulator.url)
            await #expect(throws: ECSMetadataService.Unavailable.self) {
                _ = try await ECSMetadataService(baseURL: url).credentials(projectId: nil)
            }
        }
    }

    /// The chain on an "ECS": nothing else configured, the metadata service on loopback.
    func agency(_ url: URL, clock: ManualClock) async throws -> CloudClient {
        let resolved = try await CredentialChain(
            environment: ["HOME": "/nonexistent-home", "ECS_REINSTALL_METADATA_URL": url.absoluteString],
            now: { clock.now() }
        ).resolve()
        #expect(resolved.source == .ecsMetadata(url: url.absoluteString))
        let region = try #require(resolved.region)
        return try await CloudClient.connect(
            credentialProvider: resolved.provider, endpoints: Endpoints(region: region, override: url),
            projectId: resolved.projectId(in: region),
            transport: HTTPClientTransport(proxies: .direct), retry: .none, now: { clock.now() })
    }

    /// KooCLI's own agency mode (and its default of encrypted keys) on an ECS: that profile is
    /// skipped and the metadata service gives the agency's credentials, as KooCLI itself would.
    @Test func anUnusableKooCLIProfileGivesWayToTheMetadataService() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let home = NSTemporaryDirectory() + "koocli-agency-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: home) }
            try FileManager.default.createDirectory(atPath: home + "/.hcloud", withIntermediateDirectories: true)
            let config = #"{"current":"default","profiles":[{"name":"default","mode":"ecsAgency","accessKeyId":"","secretAccessKey":""}]}"#
            try Data(config.utf8).write(to: URL(fileURLWithPath: home + "/.hcloud/config.json"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home + "/.hcloud/config.json")
            let resolved = try await CredentialChain(
                environment: ["HOME": home, "ECS_REINSTALL_METADATA_URL": url.absoluteString], now: { clock.now() }
            ).resolve()
            #expect(resolved.source == .ecsMetadata(url: url.absoluteString))
            #expect(resolved.projectId(in: simulator.configuration.region) == simulator.configuration.projectId)
        }
    }

    @Test func aClientOnAnAgencysCredentialsListsServersAndRenewsThemBeforeTheyExpire() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let client = try await agency(url, clock: clock)
            #expect(client.projectId == simulator.configuration.projectId, "from meta_data.json, no IAM lookup")
            #expect(try await client.listServers(page: 1, limit: 5).servers.count == 5)
            let first = try await client.credentialProvider.credentials().accessKey

            // 11 minutes on, 4 remain: renewed before the next call, which succeeds.
            clock.advance(by: .seconds(11 * 60))
            #expect(try await client.listServers(page: 1, limit: 5).servers.count == 5)
            let second = try await client.credentialProvider.credentials().accessKey
            #expect(second != first)
            // Long after the first ones expired, the client still works.
            clock.advance(by: .seconds(60 * 60))
            #expect(try await client.listServers(page: 1, limit: 1).servers.count == 1)
        }
    }

    /// Credentials that live less than the client's renewal margin (5 minutes), as a test's do:
    /// each call asks the metadata service, which renews them half-way through their life, so a
    /// session that outlives them many times over is never refused.
    @Test func credentialsShorterThanTheRenewalMarginAreRenewedAcrossTheirExpiry() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(lifetime: .seconds(2)), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let client = try await agency(url, clock: clock)
            var keys: Set<String> = []
            for _ in 0..<5 {
                #expect(try await client.listServers(page: 1, limit: 1).servers.count == 1)
                keys.insert(try await client.credentialProvider.credentials().accessKey)
                // Past the expiry of whatever the last call was signed with.
                clock.advance(by: .seconds(3))
            }
            #expect(keys.count >= 5, "new credentials after each expiry: \(keys)")
            #expect(try await client.userIdIfKnown() == nil, "IAM does not show a temporary key")
        }
    }

    @Test func expiredTemporaryCredentialsAreRefusedWithA401() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let issued = try await ECSMetadataService(baseURL: url).credentials(projectId: simulator.configuration.projectId)
            // Fixed credentials: nothing renews them.
            let client = CloudClient(
                credentialProvider: StaticCredentialProvider(issued.credentials, source: .ecsMetadata(url: url.absoluteString)),
                endpoints: Endpoints(region: simulator.configuration.region, override: url),
                projectId: simulator.configuration.projectId, transport: HTTPClientTransport(proxies: .direct),
                retry: .none, now: { clock.now() })
            #expect(try await client.listServers(page: 1, limit: 1).servers.count == 1)
            clock.advance(by: .seconds(15 * 60))
            do {
                _ = try await client.listServers(page: 1, limit: 1)
                Issue.record("expired credentials were accepted")
            } catch let error as CloudError {
                #expect(error.code == "APIGW.0307")
                #expect(error.isAuthenticationRefusal)
                #expect(error.message.contains("may have expired") && error.message.contains("ECS metadata (agency)"))
                let secret = issued.credentials.secretKey.reveal(), token = issued.credentials.securityToken?.reveal() ?? "?"
                #expect(!error.message.contains(secret) && !error.message.contains(token))
            }
        }
    }

    @Test func aTemporaryKeyIsAcceptedOnlyWithItsOwnToken() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let issued = try await ECSMetadataService(baseURL: url).credentials(projectId: simulator.configuration.projectId)
            for token: Secret? in [nil, Secret("gQ-not-the-token")] {
                var credentials = issued.credentials
                credentials.securityToken = token
                let client = CloudClient(
                    credentials: credentials, endpoints: Endpoints(region: simulator.configuration.region, override: url),
                    projectId: simulator.configuration.projectId, transport: HTTPClientTransport(proxies: .direct),
                    retry: .none, now: { clock.now() })
                await #expect(throws: CloudError.self) { _ = try await client.listServers(page: 1, limit: 1) }
            }
        }
    }

    @Test func iamDoesNotShowATemporaryAccessKey() async throws {
        let clock = ManualClock()
        try await withSimulator(Self.configuration(), clock: clock) { simulator, _ in
            let url = try #require(await simulator.url)
            let client = try await agency(url, clock: clock)
            // userid is optional: IAM's silence about a temporary key means "not sent", not a failure.
            #expect(try await client.userIdIfKnown() == nil)
            // The IAM route itself, as the cloud answers it.
            let issued = try await client.credentialProvider.credentials()
            let raw = SignedClient(baseURL: url, configuration: simulator.configuration, clock: { clock.now() })
            let reply = try await raw.send("GET", "/v3.0/OS-CREDENTIAL/credentials/\(issued.accessKey)")
            #expect(reply.status == 404 && reply.errorCode == "IAM.0004", "\(reply.status) \(reply.text)")
        }
    }
}
