import Foundation
import HuaweiCloud
import Testing

/// "This machine", decided in one place for plain http, the probe policy and the simulator.
struct LoopbackTests {
    @Test(arguments: ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "::ffff:127.0.0.5", "[0:0:0:0:0:0:0:1]"])
    func loopbackAddresses(address: String) {
        #expect(Loopback.isAddress(address))
        #expect(Loopback.isHost(address))
        #expect(plainHTTPIsAccepted(address), "plain http agrees")
    }

    @Test(arguments: ["10.0.0.5", "192.168.0.21", "128.0.0.1", "::2", "::ffff:10.0.0.1", "127.1", "0x7f.0.0.1",
                      "127.0.0.01", "localhost", "evil.example", ""])
    func notLoopbackAddresses(address: String) {
        #expect(!Loopback.isAddress(address))
    }

    @Test(arguments: ["localhost", "LOCALHOST", "localhost.", "sim.localhost", "A.B.LOCALHOST"])
    func namesOfThisMachineAreLoopbackHostsButNotAddresses(host: String) {
        #expect(Loopback.isHost(host))
        #expect(plainHTTPIsAccepted(host))
        #expect(!Loopback.isAddress(host), "a name is resolved before it is connected to: never probed as loopback")
    }

    @Test(arguments: ["localhost.example", "notlocalhost", "127.1", "10.0.0.1"])
    func otherHostsAreNot(host: String) {
        #expect(!Loopback.isHost(host))
        #expect(!plainHTTPIsAccepted(host))
    }

    /// Whether an `--endpoint` of plain http to `host` passes the endpoints' check.
    private func plainHTTPIsAccepted(_ host: String) -> Bool {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let url = URL(string: "http://\(bracketed):8080") else { return false }
        return (try? Endpoints(region: "cn-north-4", override: url).validate()) != nil
    }
}
