import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("AK lock after repeated signature failures")
struct AccessKeyLockTests {
    static let lockedMessage = "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden."

    private func fail(_ client: SignedClient, times: Int) async throws {
        for _ in 0..<times {
            let reply = try await client.send("GET", "/v3/projects", secretKey: "not-the-secret")
            #expect(reply.status == 401)
            #expect(reply.errorCode == "APIGW.0301")
        }
    }

    @Test func fiveFailuresLockTheAKForFiveMinutesOfSimulatorTime() async throws {
        let clock = ManualClock()
        try await withSimulator(clock: clock) { _, client in
            try await fail(client, times: 5)
            let locked = try await client.get("/v3/projects")
            #expect(locked.status == 401)
            #expect(locked.errorCode == "APIGW.0301")
            #expect(try locked.json()["error_msg"] as? String == Self.lockedMessage)
            #expect(try locked.json()["request_id"] as? String == locked.requestId)

            clock.advance(by: .seconds(299))
            #expect(try await client.get("/v3/projects").status == 401)
            clock.advance(by: .seconds(2))
            #expect(try await client.get("/v3/projects").status == 200)
            // The lock lifted with a fresh count: four more failures do not lock again.
            try await fail(client, times: 4)
            #expect(try await client.get("/v3/projects").status == 200)
        }
    }

    @Test func aSuccessResetsTheCount() async throws {
        try await withSimulator { _, client in
            try await fail(client, times: 4)
            #expect(try await client.get("/v3/projects").status == 200)
            try await fail(client, times: 4)
            #expect(try await client.get("/v3/projects").status == 200)
        }
    }

    @Test func theLockIsPerAKAndConfigurable() async throws {
        let clock = ManualClock()
        let configuration = SimulatorConfiguration(accessKeyLockThreshold: 2, accessKeyLockDuration: .seconds(10))
        try await withSimulator(configuration, clock: clock) { _, client in
            for _ in 0..<2 {
                #expect(try await client.send("GET", "/v3/projects", accessKey: "SOMEOTHERACCESSKEY01").status == 401)
            }
            let other = try await client.send("GET", "/v3/projects", accessKey: "SOMEOTHERACCESSKEY01")
            #expect(try other.json()["error_msg"] as? String == Self.lockedMessage)
            // The configured AK is not affected by another AK's failures.
            #expect(try await client.get("/v3/projects").status == 200)
            clock.advance(by: .seconds(11))
            let afterwards = try await client.send("GET", "/v3/projects", accessKey: "SOMEOTHERACCESSKEY01")
            #expect(try afterwards.json()["error_msg"] as? String != Self.lockedMessage)
        }
    }

    @Test func thresholdZeroNeverLocks() {
        var lock = AccessKeyLock(threshold: 0, duration: 300)
        let now = Date()
        for _ in 0..<20 { lock.recordFailure("AK", now: now) }
        let locked = lock.isLocked("AK", now: now)
        #expect(!locked)
    }
}
