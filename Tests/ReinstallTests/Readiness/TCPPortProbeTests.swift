import Foundation
import Testing

@testable import Reinstall

/// Single connection attempts against loopback listeners on free ports: the banner, silence, a
/// closed port. The waiting between attempts is `LoginProbeTests`' business, on a virtual clock.
struct TCPPortProbeTests {
    let probe = TCPPortProbe()

    private func target(_ port: Int, _ kind: LoginKind = .ssh) -> LoginTarget {
        LoginTarget(address: "127.0.0.1", port: port, kind: kind, user: "root")
    }

    @Test func aPortThatSendsAnSSHBannerAnswersWithIt() async throws {
        let listener = try await LoopbackListener.start(.banner("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))
        defer { listener.close() }
        let answer = await probe.attempt(target(listener.port), timeout: .seconds(5))
        #expect(answer == .answered(banner: "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))
    }

    @Test func linesBeforeTheBannerAreSkippedAndControlCharactersMadeHarmless() async throws {
        let listener = try await LoopbackListener.start(.banner("welcome\r\nSSH-2.0-x\u{1b}[2J\u{7}y\r\n"))
        defer { listener.close() }
        let answer = await probe.attempt(target(listener.port), timeout: .seconds(5))
        #expect(answer == .answered(banner: "SSH-2.0-x?[2J?y"))
    }

    @Test func aPortThatAcceptsButSaysNothingTimesOut() async throws {
        let listener = try await LoopbackListener.start(.silent)
        defer { listener.close() }
        // Two seconds for the connection and the banner together: room for a loaded machine.
        let answer = await probe.attempt(target(listener.port), timeout: .seconds(2))
        #expect(answer == .failed(reason: "the port accepts connections but sent no SSH banner within 2s"))
    }

    @Test func aPortThatAnswersSomethingElseIsNotSSH() async throws {
        let listener = try await LoopbackListener.start(.banner(String(repeating: "HTTP/1.1 400 Bad Request\r\n", count: 20)))
        defer { listener.close() }
        let answer = await probe.attempt(target(listener.port), timeout: .seconds(5))
        #expect(answer == .failed(reason: "the port answers, but not with an SSH banner"))
    }

    @Test func rdpAnswersOnceTheConnectionIsAccepted() async throws {
        let listener = try await LoopbackListener.start(.silent)
        defer { listener.close() }
        #expect(await probe.attempt(target(listener.port, .rdp), timeout: .seconds(5)) == .answered(banner: nil))
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try await LoopbackListener.closedPort()
        #expect(await probe.attempt(target(port), timeout: .seconds(5)) == .failed(reason: "connection refused"))
    }

    @Test func theDriverGivesUpOnAClosedPortAtItsBound() async throws {
        // The schedule's waits shrunk to nothing so the real driver's loop is seen to end; when
        // it ends is proven on the virtual clock in LoginProbeTests.
        let port = try await LoopbackListener.closedPort()
        var schedule = ProbeSchedule(giveUpAfter: .milliseconds(200))
        schedule.firstWaits = [.milliseconds(20)]
        schedule.steadyWait = .milliseconds(20)
        let check = LoginCheck(target: target(port), policy: .simulatedCloud, schedule: schedule, probe: probe,
                               environment: [:])
        let readiness = try await check.waitForLogin()
        guard case let .unreachable(reason, _) = readiness else {
            Issue.record("expected unreachable, got \(readiness)")
            return
        }
        #expect(reason == "connection refused")
    }
}
