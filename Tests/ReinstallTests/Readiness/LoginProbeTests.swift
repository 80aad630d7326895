import Foundation
import Testing

@testable import Reinstall

/// The readiness probe's machine on a virtual clock: every answer is given with its time, and the
/// test asserts which attempt is due next and when. Nothing sleeps, nothing connects.
struct LoginProbeTests {
    let t0 = Date(timeIntervalSince1970: 1_735_718_400)
    let target = LoginTarget(address: "127.0.0.5", port: 22, kind: .ssh, user: "root")

    private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    private func probe(giveUpAfter seconds: Int = 300, policy: ProbePolicy = .simulatedCloud) -> LoginProbe {
        LoginProbe(target: target, policy: policy, startedAt: t0, schedule: ProbeSchedule(giveUpAfter: .seconds(seconds)),
                   now: t0)
    }

    @Test func theFirstAttemptIsDueAtOnceAndAnAnswerEndsItWithTheTimeSinceTheStart() {
        var p = probe()
        #expect(p.next == LoginProbe.Due(attempt: 1, after: .zero, at: t0))
        var step = p.receive(.failed(reason: "connection refused"), now: at(0))
        #expect(step.changes == [.attemptFailed(reason: "connection refused", retryIn: .seconds(2))])
        step = p.receive(.failed(reason: "connection refused"), now: at(2))
        step = p.receive(.answered(banner: "SSH-2.0-OpenSSH_9.2p1"), now: at(72))
        #expect(step.next == nil)
        #expect(step.changes == [.finished(.answered(after: .seconds(72), banner: "SSH-2.0-OpenSSH_9.2p1"))])
        #expect(p.outcome == .answered(after: .seconds(72), banner: "SSH-2.0-OpenSSH_9.2p1"))
        #expect(p.attempts == 3)
        #expect(p.outcome?.message(kind: .ssh) == "SSH answers after 1m12s")
    }

    @Test func failuresBackOffTwoFourEightThenEveryFifteenSeconds() {
        var p = probe()
        var now: TimeInterval = 0
        var waits: [Duration] = []
        for _ in 0..<6 {
            let step = p.receive(.failed(reason: "timed out after 5s"), now: at(now))
            guard let next = step.next else { break }
            waits.append(next.after)
            #expect(next.at == at(now) + next.after.timeInterval)
            now = next.at.timeIntervalSince(t0)
        }
        #expect(waits == [.seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(15), .seconds(15)])
        #expect(p.next?.attempt == 7)
    }

    @Test func aClosedPortGivesUpAtItsBoundAndNoAttemptIsDuePastIt() {
        var p = probe(giveUpAfter: 30)
        var times: [TimeInterval] = []
        while let due = p.next {
            let now = due.at.timeIntervalSince(t0)
            times.append(now)
            _ = p.receive(.failed(reason: "connection refused"), now: at(now))
        }
        // 0, 2, 6, 14, 29, then the last at the bound (15 s would pass it).
        #expect(times == [0, 2, 6, 14, 29, 30])
        #expect(p.outcome == .unreachable(reason: "connection refused", after: .seconds(30)))
        #expect(p.outcome?.message(kind: .ssh)
            == "not reachable from here: connection refused (gave up after 30s; normal when this host is in another network)")
    }

    @Test func theDefaultBoundIsFiveMinutes() {
        var p = probe()
        while let due = p.next { _ = p.receive(.failed(reason: "no route to host"), now: due.at) }
        #expect(p.outcome == .unreachable(reason: "no route to host", after: .seconds(300)))
        #expect(p.attempts == 24, "0, 2, 6, 14, then every 15 s from 29 to 299, and the last at 300")
    }

    @Test func aFailureThatComesBackAfterTheBoundEndsItThereSayingTheBound() {
        var p = probe(giveUpAfter: 10)
        _ = p.receive(.failed(reason: "connection refused"), now: at(0))
        let step = p.receive(.failed(reason: "timed out after 5s"), now: at(11.6))
        #expect(step.next == nil)
        // The bound the operator set, not the measured 11.6 s (which a loaded machine makes vary).
        #expect(p.outcome == .unreachable(reason: "timed out after 5s", after: .seconds(10)))
        #expect(p.outcome?.message(kind: .ssh).contains("(gave up after 10s;") == true)
    }

    @Test func anAttemptIsCutToWhatIsLeftOfTheBoundButLastsAtLeastASecond() {
        let p = probe(giveUpAfter: 10)
        #expect(p.attemptTimeout(now: at(0)) == .seconds(5))
        #expect(p.attemptTimeout(now: at(7)) == .seconds(3))
        #expect(p.attemptTimeout(now: at(10)) == .seconds(1), "the last attempt is still a real one")
    }

    @Test func anAddressThePolicyRefusesIsNeverAttempted() {
        let outside = LoginTarget(address: "10.0.0.5", port: 22, kind: .ssh, user: "root")
        let p = LoginProbe(target: outside, policy: .simulatedCloud, startedAt: t0, now: t0)
        #expect(p.next == nil)
        guard case let .notProbed(reason) = p.outcome else {
            Issue.record("expected not probed, got \(String(describing: p.outcome))")
            return
        }
        #expect(reason.contains("10.0.0.5 is not a loopback address"))
        let real = LoginProbe(target: outside, policy: .realCloud, startedAt: t0, now: t0)
        #expect(real.next?.attempt == 1)
    }

    @Test func anAnswerAfterTheEndChangesNothing() {
        var p = probe()
        _ = p.receive(.answered(banner: nil), now: at(1))
        let step = p.receive(.failed(reason: "connection refused"), now: at(2))
        #expect(step == LoginProbe.Step())
        #expect(p.outcome == .answered(after: .seconds(1), banner: nil))
    }

    @Test(arguments: [
        (0, "0s"), (1, "1s"), (40, "40s"), (60, "1m"), (72, "1m12s"), (300, "5m"), (3600, "1h"), (3720, "1h2m"),
    ])
    func waitsAreSpokenInWholeUnits(seconds: Int, spoken: String) {
        #expect(LoginReadiness.spoken(.seconds(seconds)) == spoken)
    }
}

extension LoginProbeTests {
    @Test func lessThanASecondIsSpokenInMilliseconds() {
        #expect(LoginReadiness.spoken(.milliseconds(300)) == "300ms")
    }
}
