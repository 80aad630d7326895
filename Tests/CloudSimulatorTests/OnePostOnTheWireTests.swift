import Foundation
import Testing

@testable import CloudSimulator
@testable import HuaweiCloud

/// A write goes out at most once through the real HTTP stack, even when the connection drops
/// after the cloud carried it out: the simulator counts what arrived, not what the client thinks
/// it sent.
struct OnePostOnTheWireTests {
    /// The real transport and client, with the settle wait before the re-read skipped.
    private func connect(_ simulator: CloudSimulator) async throws -> CloudClient {
        let configuration = simulator.configuration
        let base = try #require(await simulator.url)
        var client = try await CloudClient.connect(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey),
            endpoints: Endpoints(region: configuration.region, override: base),
            transport: HTTPClientTransport(proxies: .direct))
        client.retryClock = RetryClock(now: { ContinuousClock.now }, sleep: { _ in }, random: { 1 })
        return client
    }

    private func posts(to suffix: String, _ simulator: CloudSimulator) async -> [ReceivedRequest] {
        await simulator.receivedRequests().filter { $0.method == "POST" && $0.path.hasSuffix(suffix) }
    }

    @Test func aReinstallWhoseConnectionDropsAfterItWasCarriedOutIsSentOnceAndNotCalledSafeToResend() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            // Reads first, so kept-alive connections exist that a stack could be tempted to reuse.
            for _ in 0..<3 { _ = try await client.showServer(id: Demo.web01) }
            await simulator.inject(.drop, method: "POST")

            let outcome = await client.reinstallSafely(
                serverId: Demo.web01, api: .v2,
                request: ReinstallRequest(keyName: "ops-ed25519", userId: Demo.userId, withStopServer: true))

            let sent = await posts(to: "/reinstallos", simulator)
            #expect(sent.count == 1, "the reinstall arrived \(sent.count) times")
            #expect(sent.allSatisfy { $0.bodyBytes > 0 })
            #expect(!outcome.isSafeToRetry)
            #expect(outcome.jobId == nil)
            // It was carried out, and the re-read shows it.
            #expect(await simulator.server(id: Demo.web01)?.status == .rebuild)
            #expect(outcome.message.contains("the connection closed after the request was sent"), "\(outcome.message)")
            #expect(!outcome.message.contains("timed out"), "\(outcome.message)")
            #expect(!outcome.message.lowercased().contains("try again"), "\(outcome.message)")
        }
    }

    @Test func anUnansweredReinstallWithAnUnreadableServerIsUnknownAndSaysSo() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            _ = try await client.showServer(id: Demo.legacyApp)
            // The POST is dropped, then the re-read fails too (a 5xx on every GET after it).
            await simulator.inject(.drop, method: "POST")
            await simulator.inject(.serverError, count: 10, method: "GET")
            let outcome = await client.reinstallSafely(
                serverId: Demo.legacyApp, api: .v1, request: ReinstallRequest(adminPass: "Xk7#pQ2v9!Lm"))
            #expect(await posts(to: "/reinstallos", simulator).count == 1)
            guard case .unknown(nil, _) = outcome else {
                Issue.record("expected an unknown outcome without a server, got \(outcome)")
                return
            }
            #expect(outcome.message.contains("Do not send it again"))
            #expect(!outcome.message.contains("retry"), "the cloud's own hint contradicts the advice: \(outcome.message)")
            #expect(!outcome.message.contains("Xk7#pQ2v9!Lm"))
        }
    }

    @Test func aStopWhoseConnectionDropsIsSentOnce() async throws {
        try await withSimulator { simulator, _ in
            let client = try await connect(simulator)
            _ = try await client.showServer(id: Demo.web01)
            await simulator.inject(.drop, method: "POST")
            await #expect(throws: CloudError.self) { _ = try await client.stopServer(id: Demo.web01) }
            #expect(await posts(to: "/action", simulator).count == 1)
        }
    }

    @Test func readsAfterADroppedConnectionAreRetriedOnAFreshOne() async throws {
        try await withSimulator { simulator, _ in
            var client = try await connect(simulator)
            client = CloudClient(credentialProvider: client.credentialProvider, endpoints: client.endpoints, projectId: client.projectId,
                                 transport: HTTPClientTransport(proxies: .direct), retry: RetryPolicy())
            client.retryClock = RetryClock(now: { ContinuousClock.now }, sleep: { _ in }, random: { 1 })
            await simulator.inject(.drop, method: "GET")
            let server = try await client.showServer(id: Demo.web01)
            #expect(server.id == Demo.web01)
            let reads = await simulator.receivedRequests().filter { $0.method == "GET" && $0.path.hasSuffix(Demo.web01) }
            #expect(reads.count == 2)
        }
    }
}
