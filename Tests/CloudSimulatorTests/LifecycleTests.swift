import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Start and stop")
struct LifecycleTests {
    @Test func stopClosesThePortAndRestartKeepsTheState() async throws {
        // A job far longer than the test, however slow the machine: the server must still be in REBUILD.
        let configuration = SimulatorConfiguration(jobDuration: .seconds(3600))
        let simulator = CloudSimulator(configuration: configuration)
        let first = try await simulator.start(port: 0)
        #expect(first.host == "127.0.0.1")
        #expect((first.port ?? 0) > 0)
        #expect(try await simulator.start(port: 0) == first)  // idempotent while running
        #expect(await simulator.url == first)

        let client = SignedClient(baseURL: first, configuration: configuration)
        let reply = try await client.reinstall(.v1, server: Demo.legacyApp, body: #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#)
        #expect(reply.status == 200)
        await simulator.stop()
        #expect(await simulator.url == nil)
        await #expect(throws: (any Error).self) { _ = try await client.get("/v3/projects") }

        let second = try await simulator.start(port: 0)
        let again = SignedClient(baseURL: second, configuration: configuration)
        let shown = try await again.get("/v1/\(configuration.projectId)/cloudservers/\(Demo.legacyApp)")
        #expect(shown.status == 200)
        #expect(await simulator.server(id: Demo.legacyApp)?.status == .rebuild)
        await simulator.stop()
        await simulator.stop()  // harmless when already stopped
    }

    @Test func everyResponseCarriesARequestId() async throws {
        try await withSimulator { _, client in
            for reply in [
                try await client.get("/v3/projects"),
                try await client.get("/nowhere"),
                try await client.send("GET", "/v3/projects") { $0["Authorization"] = nil },
            ] {
                #expect(reply.requestId?.count == 32)
            }
        }
    }

    @Test func timestampsHaveMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_735_718_400.0429)  // 2025-01-01T08:00:00.042Z
        #expect(Timestamp.milliseconds(date) == "2025-01-01T08:00:00.042Z")
        #expect(Timestamp.seconds(date) == "2025-01-01T08:00:00Z")
    }
}
