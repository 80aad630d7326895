import HuaweiCloud
import Testing

/// "This machine", decided in one place for plain http, the probe policy and the simulator.
struct LoopbackTests {
    @Test(arguments: ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "::ffff:127.0.0.5", "[0:0:0:0:0:0:0:1]"])
    func loopbackAddresses(address: String) {
        #expect(Loopback.isAddress(address))
        #expect(Loopback.isHost(address))
        #expect(Endpoints.isLoopback(address), "plain http agrees")
    }

    @Test(arguments: ["10.0.0.5", "192.168.0.21", "128.0.0.1", "::2", "::ffff:10.0.0.1", "127.1", "0x7f.0.0.1",
                      "127.0.0.01", "localhost", "evil.example", ""])
    func notLoopbackAddresses(address: String) {
        #expect(!Loopback.isAddress(address))
    }

    @Test(arguments: ["localhost", "LOCALHOST", "localhost.", "sim.localhost", "A.B.LOCALHOST"])
    func namesOfThisMachineAreLoopbackHostsButNotAddresses(host: String) {
        #expect(Loopback.isHost(host))
        #expect(Endpoints.isLoopback(host))
        #expect(!Loopback.isAddress(host), "a name is resolved before it is connected to: never probed as loopback")
    }

    @Test(arguments: ["localhost.example", "notlocalhost", "127.1", "10.0.0.1"])
    func otherHostsAreNot(host: String) {
        #expect(!Loopback.isHost(host))
        #expect(!Endpoints.isLoopback(host))
    }
}
