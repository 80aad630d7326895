import Testing

@testable import Reinstall

/// A simulated cloud's made-up addresses must never make this host connect to a real machine.
struct ProbePolicyTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "[::1]", "::ffff:127.0.0.3",
                      "0:0:0:0:0:0:0:1"])
    func loopbackAddressesMayBeProbedInTheSimulatedCloud(address: String) {
        #expect(ProbePolicy.simulatedCloud.refusal(for: address) == nil)
    }

    @Test(arguments: [
        "10.0.0.5", "192.168.0.11", "172.16.0.1", "172.31.255.254", "100.64.0.1", "169.254.169.254",
        "8.8.8.8", "0.0.0.0", "128.0.0.1", "::ffff:10.0.0.5", "::ffff:192.168.0.11", "::ffff:172.16.0.1",
        "::ffff:8.8.8.8", "fd00::5", "fe80::1", "::", "2001:db8::1",
        // Forms inet_aton would take for loopback, and names: refused, not resolved.
        "127.1", "0x7f.0.0.1", "2130706433", "localhost", "web-01.example.com", "", " 127.0.0.1",
    ])
    func anythingElseIsRefusedInTheSimulatedCloud(address: String) {
        let refusal = ProbePolicy.simulatedCloud.refusal(for: address)
        #expect(refusal?.contains("is not a loopback address") == true)
    }

    @Test(arguments: ["10.0.0.5", "192.168.0.11", "8.8.8.8", "web-01.example.com"])
    func theRealCloudProbesWhatTheOperatorChose(address: String) {
        #expect(ProbePolicy.realCloud.refusal(for: address) == nil)
    }
}
