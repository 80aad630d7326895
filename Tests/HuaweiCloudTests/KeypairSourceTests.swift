import Foundation
import Testing

@testable import HuaweiCloud

/// Key pairs from KPS where it is served, else (or when it is not there after all) from ECS's os-keypairs.
struct KeypairSourceTests {
    static let nova = #"{"keypairs":[{"keypair":{"fingerprint":"SHA256:x","name":"ops","type":"ssh","public_key":"ssh-ed25519 AAAA"}}]}"#
    static let kps = #"{"keypairs":[{"keypair":{"name":"kps-key","type":"ssh","scope":"user"}}],"page_info":{"next_marker":null}}"#

    private func client(_ transport: ScriptedTransport, region: String) -> CloudClient {
        var client = CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"), endpoints: Endpoints(region: region),
                                 projectId: "p1", transport: transport, retry: RetryPolicy(maxAttempts: 2))
        client.retryClock = VirtualTime().clock
        return client
    }

    @Test func kpsIsAskedWhereTheRegionServesIt() async throws {
        let transport = ScriptedTransport([.json(200, Self.kps)])
        let listing = try await client(transport, region: "cn-north-4").keypairListing()
        #expect(listing == KeypairListing(keypairs: [Keypair(name: "kps-key")], source: .kps))
        #expect(transport.requests.first?.sentURL.host == "kms.cn-north-4.myhuaweicloud.com")
    }

    @Test func aRegionWithoutKPSIsReadFromECS() async throws {
        let transport = ScriptedTransport([.json(200, Self.nova)])
        let listing = try await client(transport, region: "eu-west-0").keypairListing()
        #expect(listing.source == .ecs)
        #expect(listing.keypairs.map(\.name) == ["ops"])
        #expect(listing.keypairs.first?.fingerprint == "SHA256:x")
        let url = try #require(transport.requests.first?.sentURL)
        #expect(url.host == "ecs.eu-west-0.myhuaweicloud.com" && url.path == "/v2.1/p1/os-keypairs")
    }

    @Test(arguments: [
        ("API not published", ScriptedTransport.Step.json(404, #"{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment"}"#), 1),
        // Retried once like any connection failure, then given up on.
        ("unresolved host", .fail(TransportError(.hostNotFound, "the host name kms.x \(TransportError.unresolvedHost)")), 2),
    ])
    func kpsThatIsNotThereFallsBackToECS(_ name: String, failure: ScriptedTransport.Step, attempts: Int) async throws {
        let transport = ScriptedTransport(Array(repeating: failure, count: attempts) + [.json(200, Self.nova)])
        let listing = try await client(transport, region: "cn-north-4").keypairListing()
        #expect(listing.source == .ecs)
        #expect(transport.requests.last?.sentURL.path == "/v2.1/p1/os-keypairs")
    }

    @Test func otherKPSFailuresAreNotHidden() async throws {
        let transport = ScriptedTransport([.json(403, #"{"error":{"code":"KPS.0403","message":"forbidden"}}"#)])
        await #expect(throws: CloudError.self) {
            _ = try await client(transport, region: "cn-north-4").keypairListing()
        }
    }

    /// A 404 of KPS itself (a project it does not know) is an answer, not KPS's absence.
    @Test func aKPS404WithItsOwnCodeIsReported() async throws {
        let transport = ScriptedTransport([.json(404, #"{"error":{"error_code":"KPS.0404","error_msg":"project not found"}}"#),
                                           .json(200, Self.nova)])
        await #expect(throws: CloudError.self) {
            _ = try await client(transport, region: "cn-north-4").keypairListing()
        }
        #expect(transport.requests.count == 1)
    }

    /// A KPS URL the operator configured is not swapped for ECS when it does not resolve.
    @Test func aConfiguredKPSEndpointIsNeverReplaced() async throws {
        let unresolved = ScriptedTransport.Step.fail(TransportError(.hostNotFound, "the host name kms.typo \(TransportError.unresolvedHost)"))
        let transport = ScriptedTransport([unresolved, unresolved, .json(200, Self.nova)])
        var client = CloudClient(
            credentials: Credentials(accessKey: "AK", secretKey: "SK"),
            endpoints: Endpoints(region: "cn-north-4", environment: ["HUAWEICLOUD_SDK_REGION_KPS_CN_NORTH_4": "https://kms.typo.example"]),
            projectId: "p1", transport: transport, retry: RetryPolicy(maxAttempts: 2))
        client.retryClock = VirtualTime().clock
        await #expect(throws: CloudError.self) { _ = try await client.keypairListing() }
        #expect(!transport.requests.contains { $0.sentURL.path.hasSuffix("/os-keypairs") })
    }

    /// Both failing: the error names both.
    @Test func bothFailuresAreSaid() async throws {
        let transport = ScriptedTransport([
            .json(404, #"{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment"}"#),
            .json(403, #"{"forbidden":{"code":403,"message":"Policy doesn't allow os_compute_api:os-keypairs:index"}}"#),
        ])
        do {
            _ = try await client(transport, region: "cn-north-4").keypairListing()
            Issue.record("no error")
        } catch let error as CloudError {
            #expect(error.message.contains("APIGW.0101") && error.message.contains("os-keypairs"), "\(error.message)")
        }
    }
}
