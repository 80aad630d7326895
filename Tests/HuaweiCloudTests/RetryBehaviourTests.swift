import Foundation
import Synchronization
import Testing

@testable import HuaweiCloud

/// Counts requests and answers each with the same canned response.
final class CountingTransport: HTTPTransport {
    let attempts = Mutex(0)
    let response: HTTPReply

    init(status: Int, body: String) {
        response = HTTPReply(status: status, headers: ["X-Request-Id": "req-1"], body: Data(body.utf8))
    }

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        attempts.withLock { $0 += 1 }
        return response
    }
}

struct RetryBehaviourTests {
    private func client(_ transport: CountingTransport) -> CloudClient {
        CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"), endpoints: Endpoints(region: "r"),
                    projectId: "p", transport: transport,
                    retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2)))
    }

    @Test func readsAreRetriedOnServerErrors() async {
        let transport = CountingTransport(status: 503, body: #"{"error":{"code":"Common.1503","message":"busy"}}"#)
        await #expect(throws: CloudError.self) { _ = try await client(transport).job(id: "j") }
        #expect(transport.attempts.withLock { $0 } == 3)
    }

    @Test func aReinstallIsNeverRetried() async {
        let transport = CountingTransport(status: 503, body: #"{"error":{"code":"Common.1503","message":"busy"}}"#)
        await #expect(throws: CloudError.self) {
            _ = try await client(transport).reinstall(serverId: "s", api: .v2, request: ReinstallRequest(keyName: "k", userId: "u"))
        }
        #expect(transport.attempts.withLock { $0 } == 1)
    }

    @Test func clientErrorsAreNotRetried() async {
        let transport = CountingTransport(status: 400, body: #"{"error":{"code":"Ecs.0005","message":"bad"}}"#)
        await #expect(throws: CloudError.self) { _ = try await client(transport).job(id: "j") }
        #expect(transport.attempts.withLock { $0 } == 1)
    }
}
