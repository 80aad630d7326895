import Foundation
import Testing

@testable import HuaweiCloud

/// The follower's reads keep the cloud's `Retry-After` of the last failed attempt, so the job
/// follower waits at least that long; other reads fail as plain `CloudError`s as before.
struct PacedReadTests {
    static let throttled = #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}"#

    @Test func aThrottledJobReadFailsWithItsRetryAfter() async throws {
        let transport = ScriptedTransport([.json(429, Self.throttled, headers: ["Retry-After": "7"])])
        let client = Fixture.client(transport, retry: .none)
        do {
            _ = try await client.readJob(id: "j1")
            Issue.record("the read should have failed")
        } catch let failure as PacedReadFailure {
            #expect(failure.error.code == "APIGW.0308")
            #expect(failure.retryAfter == .seconds(7))
        }
    }

    @Test func aFailureWithoutRetryAfterSaysNone() async throws {
        let transport = ScriptedTransport([.json(404, #"{"error":{"code":"Ecs.0114","message":"not found"}}"#)])
        let client = Fixture.client(transport, retry: .none)
        await #expect(throws: PacedReadFailure(
            .api(status: 404, code: "Ecs.0114", message: "not found", requestId: "req-1"), retryAfter: nil)) {
            _ = try await client.readServer(id: "s1")
        }
    }

    @Test func aGoodAnswerIsReadAsUsual() async throws {
        let transport = ScriptedTransport([.server(status: "REBUILD", taskState: "rebuilding")])
        let server = try await Fixture.client(transport, retry: .none).readServer(id: "s1")
        #expect(server.status == .rebuild && server.taskState == "rebuilding")
    }
}
