import Foundation
import Synchronization
import Testing

@testable import HuaweiCloud

/// Temporary credentials are renewed before they expire, and once after a 401; every secret ever
/// handed out stays out of error messages; a refused token says the credentials may have expired.
struct RefreshingCredentialsTests {
    /// A clock moved by hand and a fetch that counts, handing out AK1, AK2, … each `lifetime` long.
    final class Issuer: Sendable {
        let start = Date(timeIntervalSince1970: 1_735_718_400)
        let lifetime: TimeInterval
        private let state = Mutex<(elapsed: TimeInterval, fetches: Int)>((0, 0))

        init(lifetime: TimeInterval = 3600) { self.lifetime = lifetime }

        var now: Date { state.withLock { start.addingTimeInterval($0.elapsed) } }
        var fetches: Int { state.withLock { $0.fetches } }
        func advance(_ seconds: TimeInterval) { state.withLock { $0.elapsed += seconds } }

        func issue() -> ExpiringCredentials {
            let (number, now) = state.withLock { state -> (Int, Date) in
                state.fetches += 1
                return (state.fetches, start.addingTimeInterval(state.elapsed))
            }
            return Self.credentials(number, expiresAt: now.addingTimeInterval(lifetime))
        }

        static func credentials(_ number: Int, expiresAt: Date) -> ExpiringCredentials {
            ExpiringCredentials(
                credentials: Credentials(accessKey: "TMPAK\(number)", secretKey: Secret("\(Fixture.secretKey)-\(number)"),
                                         securityToken: Secret("\(Fixture.token)-\(number)"), projectId: "p1"),
                expiresAt: expiresAt)
        }

        func provider() -> RefreshingCredentialProvider {
            RefreshingCredentialProvider(
                initial: Self.credentials(0, expiresAt: now.addingTimeInterval(lifetime)),
                source: .ecsMetadata(url: "http://169.254.169.254"), now: { self.now }
            ) { self.issue() }
        }
    }

    @Test func theCredentialsAreRenewedOnlyWhenLessThanFiveMinutesRemain() async throws {
        let issuer = Issuer()
        let provider = issuer.provider()
        #expect(try await provider.credentials().accessKey == "TMPAK0")
        issuer.advance(3600 - 5 * 60 - 1)
        #expect(try await provider.credentials().accessKey == "TMPAK0", "still more than 5 minutes left")
        #expect(issuer.fetches == 0)
        issuer.advance(2)
        #expect(try await provider.credentials().accessKey == "TMPAK1")
        #expect(try await provider.credentials().accessKey == "TMPAK1")
        #expect(issuer.fetches == 1)
        #expect(provider.expiresAt == issuer.now.addingTimeInterval(3600))
    }

    @Test func concurrentCallsShareOneRenewal() async throws {
        let issuer = Issuer()
        let provider = issuer.provider()
        issuer.advance(3600)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials().accessKey } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["TMPAK1"])
        #expect(issuer.fetches == 1)
    }

    @Test func aRefusalRenewsOnceAndTheOldSecretsStayRedacted() async throws {
        let issuer = Issuer()
        let provider = issuer.provider()
        let refused = try await provider.credentials()
        #expect(await provider.replacement(afterRefusalOf: refused)?.accessKey == "TMPAK1")
        // Someone else renewed already: the new credentials, without another fetch.
        #expect(await provider.replacement(afterRefusalOf: refused)?.accessKey == "TMPAK1")
        #expect(issuer.fetches == 1)
        let secrets = provider.secrets.map { $0.reveal() }
        #expect(secrets.contains("\(Fixture.secretKey)-0") && secrets.contains("\(Fixture.token)-0"))
        #expect(secrets.contains("\(Fixture.secretKey)-1") && secrets.contains("\(Fixture.token)-1"))
        #expect(await StaticCredentialProvider(refused, source: .environment).replacement(afterRefusalOf: refused) == nil)
    }

    @Test func aFailedRenewalKeepsValidCredentialsAndReportsExpiredOnes() async throws {
        let issuer = Issuer()
        let attempts = Mutex(0)
        let provider = RefreshingCredentialProvider(
            initial: Issuer.credentials(0, expiresAt: issuer.now.addingTimeInterval(120)),
            source: .ecsMetadata(url: "http://169.254.169.254"), now: { issuer.now }
        ) {
            attempts.withLock { $0 += 1 }
            throw CloudError.configuration("the metadata service did not answer")
        }
        #expect(try await provider.credentials().accessKey == "TMPAK0", "two minutes left: still used")
        // Not asked again for 30 s after a failure.
        #expect(try await provider.credentials().accessKey == "TMPAK0")
        #expect(attempts.withLock { $0 } == 1)
        issuer.advance(31)
        #expect(try await provider.credentials().accessKey == "TMPAK0")
        #expect(attempts.withLock { $0 } == 2)
        issuer.advance(90)
        do {
            _ = try await provider.credentials()
            Issue.record("expired credentials were used")
        } catch let error as CloudError {
            #expect(error.message.contains("ECS metadata (agency)") && error.message.contains("did not answer"))
        }
    }

    /// The client: each attempt asks the provider, a 401 with a token renews once and resends.
    @Test func theClientResendsOnceWithRenewedCredentialsAfterA401() async throws {
        let issuer = Issuer()
        let refusal = ScriptedTransport.Step.json(401, #"{"error_code":"APIGW.0307","error_msg":"The token must be updated"}"#)
        let transport = ScriptedTransport([refusal, .server(status: "ACTIVE")])
        let client = CloudClient(credentialProvider: issuer.provider(), endpoints: Endpoints(region: "cn-north-4"),
                                 projectId: "p1", transport: transport, retry: .none)
        let server = try await client.showServer(id: "s1")
        #expect(server.status == .active)
        #expect(transport.requests.map { $0.headers["X-Security-Token"] } == ["\(Fixture.token)-0", "\(Fixture.token)-1"])
        #expect(transport.requests.last?.headers["Authorization"]?.contains("Access=TMPAK1,") == true)
    }

    @Test func aSecondRefusalIsReportedAsPossiblyExpiredNamingTheSourceAndNoSecret() async throws {
        let issuer = Issuer()
        let refusal = ScriptedTransport.Step.json(
            401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token \#(Fixture.token)-1 expired"}"#)
        let transport = ScriptedTransport([refusal, refusal])
        let client = CloudClient(credentialProvider: issuer.provider(), endpoints: Endpoints(region: "cn-north-4"),
                                 projectId: "p1", transport: transport, retry: .none)
        do {
            _ = try await client.showServer(id: "s1")
            Issue.record("a refusal was accepted")
        } catch let error as CloudError {
            #expect(transport.requests.count == 2, "renewed once, not more")
            #expect(error.message.contains("temporary credentials"), "\(error.message)")
            #expect(error.message.contains("ECS metadata (agency)"), "\(error.message)")
            #expect(!error.message.contains(Fixture.token), "\(error.message)")
            #expect(error.isAuthenticationRefusal)
        }
    }

    @Test func permanentKeysAreNotResentAndGetNoTokenHint() async throws {
        let refusal = ScriptedTransport.Step.json(401, #"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"}"#)
        let transport = ScriptedTransport([refusal])
        let client = Fixture.client(transport, retry: .none)
        await #expect(throws: CloudError.self) { _ = try await client.showServer(id: "s1") }
        #expect(transport.requests.count == 1)
        do {
            _ = try await Fixture.client(ScriptedTransport([refusal]), retry: .none, token: true).showServer(id: "s1")
            Issue.record("a refusal was accepted")
        } catch let error as CloudError {
            #expect(error.message.contains("temporary credentials (security token) from environment"), "\(error.message)")
        }
    }

    /// A write is sent once: a 401 renews the credentials for the next call but never resends it.
    @Test func aRefusedReinstallIsNotResentAfterRenewal() async throws {
        let issuer = Issuer()
        let refusal = ScriptedTransport.Step.json(401, #"{"error_code":"APIGW.0307","error_msg":"The token must be updated"}"#)
        let transport = ScriptedTransport([refusal, .server(status: "ACTIVE")])
        let client = CloudClient(credentialProvider: issuer.provider(), endpoints: Endpoints(region: "cn-north-4"),
                                 projectId: "p1", transport: transport, retry: .none)
        await #expect(throws: CloudError.self) { _ = try await client.stopServer(id: "s1") }
        #expect(transport.requests.count == 1, "a stop POST went out \(transport.requests.count) times")
        // The next call uses the renewed key.
        _ = try await client.showServer(id: "s1")
        #expect(transport.requests.last?.headers["Authorization"]?.contains("Access=TMPAK1,") == true)
    }

    /// Only the gateway's own refusal of the key is resent: a 401 of a service behind it is reported.
    @Test(arguments: [#"{"error_code":"Common.0013","error_msg":"token invalid"}"#, "not json"])
    func aServiceRefusalIsNotResent(body: String) async throws {
        let issuer = Issuer()
        let transport = ScriptedTransport([.json(401, body), .server(status: "ACTIVE")])
        let client = CloudClient(credentialProvider: issuer.provider(), endpoints: Endpoints(region: "cn-north-4"),
                                 projectId: "p1", transport: transport, retry: .none)
        await #expect(throws: CloudError.self) { _ = try await client.showServer(id: "s1") }
        #expect(transport.requests.count == 1)
    }
}
