import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import CloudSimulator
import HuaweiCloud
import Testing

/// Reinstalled servers' login ports as the simulator plays them: loopback addresses, and a
/// banner only once the server is ACTIVE after a rebuild. Every connection is to 127.0.0.0/8.
@Suite("Login listeners", .serialized)
struct LoginListenerTests {
    private func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(jobDuration: .seconds(12))
        configuration.loopbackAddresses = true
        configuration.loginListener = LoginListenerSettings(port: 0, banner: "SSH-2.0-OpenSSH_9.6 test")
        return configuration
    }

    private let keypairBody = """
        {"os-reinstall":{"keyname":"deploy-rsa","userid":"\(Demo.userId)","mode":"withStopServer"}}
        """

    @Test func serversGetLoopbackAddressesOfTheirOwn() async throws {
        try await withSimulator(configuration()) { simulator, _ in
            let addresses = await simulator.servers().compactMap(\.privateIP)
            #expect(addresses.count == 12)
            #expect(Set(addresses).count == 12, "one each: \(addresses)")
            #expect(addresses.first == "127.0.0.2")
            #expect(addresses.allSatisfy { $0.hasPrefix("127.") })
        }
        #expect(LoopbackAddresses.address(index: 0) == "127.0.0.2")
        #expect(LoopbackAddresses.address(index: 254) == "127.0.1.0")
        #expect(LoopbackAddresses.address(index: 70_000) == "127.1.17.114")
        try await withSimulator(SimulatorConfiguration()) { simulator, _ in
            #expect(await simulator.server(id: Demo.web01)?.privateIP == "192.168.0.11", "off by default")
        }
    }

    @Test func theLoginPortAnswersOnlyOnceTheServerIsActiveAfterTheRebuild() async throws {
        let clock = ManualClock(Date())
        try await withSimulator(configuration(), clock: clock) { simulator, client in
            let port = try #require(await simulator.loginPort)
            let address = try #require(await simulator.server(id: Demo.web01)?.privateIP)
            #expect(address == "127.0.0.2")
            #expect(LoginKnock.knock(address, port) == .refused, "never reinstalled: nothing listens")

            let first = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(first.status == 200)
            clock.advance(by: .seconds(6))
            #expect(await simulator.server(id: Demo.web01)?.status == .rebuild)
            #expect(LoginKnock.knock(address, port) == .refused, "nothing while REBUILD")

            clock.advance(by: .seconds(7))
            let shown = try await client.get("/v1/\(SimulatorConfiguration().projectId)/cloudservers/\(Demo.web01)")
            #expect(try shown.decode([String: Server].self)["server"]?.status == .active)
            #expect(LoginKnock.knock(address, port) == .banner("SSH-2.0-OpenSSH_9.6 test"),
                    "bound before the answer that shows ACTIVE went out")
            #expect(LoginKnock.knock("127.0.0.3", port) == .refused, "only the reinstalled server's address")

            let second = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(second.status == 200)
            #expect(LoginKnock.knock(address, port) == .refused, "closed again while it is rebuilt")
            #expect(await simulator.isLoginPortOpen(serverId: Demo.web01) == false)
        }
    }

    @Test func theBootDelayKeepsThePortClosedAfterActiveThenItOpens() async throws {
        let clock = ManualClock(Date())
        var slow = configuration()
        slow.loginListener?.bootDelay = .milliseconds(1500)
        try await withSimulator(slow, clock: clock) { simulator, client in
            let port = try #require(await simulator.loginPort)
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(reply.status == 200)
            clock.advance(by: .seconds(13))
            #expect(await simulator.server(id: Demo.web01)?.status == .active)
            #expect(LoginKnock.knock("127.0.0.2", port) == .refused, "still booting")
            // Opens on its own, in wall-clock time: polled, with a deadline.
            let deadline = ContinuousClock.now + .seconds(10)
            while await !simulator.isLoginPortOpen(serverId: Demo.web01), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(LoginKnock.knock("127.0.0.2", port) == .banner("SSH-2.0-OpenSSH_9.6 test"))
        }
    }

    @Test func stoppingCallsOffTheOpeningsStillWaitingForTheirBootDelay() async throws {
        let clock = ManualClock(Date())
        var slow = configuration()
        slow.loginListener?.bootDelay = .seconds(3600)
        try await withSimulator(slow, clock: clock) { simulator, client in
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(reply.status == 200)
            clock.advance(by: .seconds(13))
            #expect(await simulator.server(id: Demo.web01)?.status == .active)
            #expect(await simulator.pendingLoginPorts == 1, "booting: its port opens after the delay")
            await simulator.stop()
            // Nothing left that could bind after the stop: the opening was called off and awaited.
            #expect(await simulator.pendingLoginPorts == 0)
            #expect(await simulator.isLoginPortOpen(serverId: Demo.web01) == false)
        }
    }

    @Test func aFailedRebuildOpensNoPort() async throws {
        let clock = ManualClock(Date())
        var failing = configuration()
        failing.failureRate = 1
        try await withSimulator(failing, clock: clock) { simulator, client in
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(reply.status == 200)
            clock.advance(by: .seconds(13))
            #expect(await simulator.server(id: Demo.web01)?.status == .active, "back to where it was")
            #expect(await simulator.isLoginPortOpen(serverId: Demo.web01) == false)
        }
    }

    @Test func anAddressThatIsNotLoopbackIsNeverListenedOn() async throws {
        let clock = ManualClock(Date())
        var configuration = configuration()
        configuration.loopbackAddresses = false
        try await withSimulator(configuration, clock: clock) { simulator, client in
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: keypairBody)
            #expect(reply.status == 200)
            clock.advance(by: .seconds(13))
            #expect(await simulator.server(id: Demo.web01)?.privateIP == "192.168.0.11")
            #expect(await simulator.isLoginPortOpen(serverId: Demo.web01) == false)
        }
    }
}

/// One TCP connection to a loopback address, reading the first line (2 s at most).
enum LoginKnock: Equatable {
    case banner(String)
    case refused
    case other(Int32)

    static func knock(_ address: String, _ port: Int) -> LoginKnock {
        precondition(address.hasPrefix("127."), "tests connect to loopback addresses only")
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return .other(errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        socketAddress.sin_addr.s_addr = inet_addr(address)
        let connected = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return errno == ECONNREFUSED ? .refused : .other(errno) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .banner(String(decoding: line, as: UTF8.self))
    }
}
