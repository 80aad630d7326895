import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

/// The demo's simulated cloud is new on every start; its job ids must still differ from one run to
/// the next, or the journal (one entry per job id) keeps only the last demo job.
@Suite("Demo job ids")
struct DemoJobIdTests {
    private func firstJobId(_ configuration: SimulatorConfiguration) async throws -> String {
        try await withSimulator(configuration) { _, client in
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: """
                {"os-reinstall":{"keyname":"deploy-rsa","userid":"\(Demo.userId)","mode":"withStopServer"}}
                """)
            #expect(reply.status == 200)
            return try reply.decode(JobReference.self).jobId
        }
    }

    private func demo(seed: UInt64? = nil) -> SimulatorConfiguration {
        let base = SimulatorConfiguration()
        if let seed {
            return .demo(accessKey: base.accessKey, secretKey: base.secretKey, region: base.region,
                         jobDuration: .seconds(12), failureRate: 0, seed: seed)
        }
        return .demo(accessKey: base.accessKey, secretKey: base.secretKey, region: base.region,
                     jobDuration: .seconds(12), failureRate: 0)
    }

    @Test func twoDemoSessionsGiveTheirJobsDifferentIds() async throws {
        let first = try await firstJobId(demo())
        let second = try await firstJobId(demo())
        #expect(first != second)
    }

    @Test func aFixedSeedStillRepeatsTheIds() async throws {
        #expect(try await firstJobId(demo(seed: 42)) == (try await firstJobId(demo(seed: 42))))
        #expect(try await firstJobId(SimulatorConfiguration()) == (try await firstJobId(SimulatorConfiguration())))
    }
}
