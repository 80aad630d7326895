import Foundation

/// The readiness probe of one reinstalled server, as a pure state machine (the shape of
/// `JobFollower`): a driver makes the connection attempt that is due, when it is due, hands the
/// answer back with the time, and does what it says next. The first attempt is due at once; after
/// a failure the next waits 2 s, 4 s, 8 s, then every 15 s (`ProbeSchedule`), never past the
/// bound, where the probe gives up. An address the policy refuses is never attempted.
public struct LoginProbe: Sendable, Equatable {
    /// A connection attempt and when it is due: `after` the answer that scheduled it, at `at`.
    public struct Due: Sendable, Equatable {
        /// 1 for the first attempt.
        public var attempt: Int
        public var after: Duration
        public var at: Date
    }

    /// What an answer changed, for the driver to show.
    public enum Change: Sendable, Equatable {
        /// The attempt failed; the next is due in `retryIn`.
        case attemptFailed(reason: String, retryIn: Duration)
        case finished(LoginReadiness)
    }

    public struct Step: Sendable, Equatable {
        public var changes: [Change] = []
        /// The next attempt, or nil when the probe has ended.
        public var next: Due?
    }

    public let target: LoginTarget
    /// When probing started: the job follower finished with the server out of REBUILD.
    public let startedAt: Date
    public let schedule: ProbeSchedule
    public private(set) var attempts = 0
    public private(set) var lastFailure: String?
    public private(set) var next: Due?
    public private(set) var outcome: LoginReadiness?

    /// The probe of `target` from `now`; when `policy` refuses the address it has ended at once,
    /// not probed.
    public init(target: LoginTarget, policy: ProbePolicy, startedAt: Date, schedule: ProbeSchedule = ProbeSchedule(),
                now: Date) {
        self.target = target
        self.startedAt = startedAt
        self.schedule = schedule
        if let refusal = policy.refusal(for: target.address) {
            outcome = .notProbed(reason: refusal)
        } else {
            next = Due(attempt: 1, after: .zero, at: now)
        }
    }

    public var isFinished: Bool { outcome != nil }

    /// When the probe gives up.
    public var deadline: Date { startedAt.addingTimeInterval(schedule.giveUpAfter.timeInterval) }

    /// How long the attempt due at `now` may take: the attempt timeout, cut to what is left
    /// before the deadline (at least a second, so the last attempt is a real one).
    public func attemptTimeout(now: Date) -> Duration {
        let left = deadline.timeIntervalSince(now)
        return min(schedule.attemptTimeout, .milliseconds(Int(max(left, 1) * 1000)))
    }

    /// Takes the answer of the attempt that was due, at `now`. Nothing changes once ended.
    public mutating func receive(_ answer: ProbeAnswer, now: Date) -> Step {
        guard let due = next else { return Step() }
        attempts = due.attempt
        var step = Step()
        let elapsed = Duration.milliseconds(Int((now.timeIntervalSince(startedAt) * 1000).rounded()))
        switch answer {
        case let .answered(banner):
            finish(.answered(after: elapsed, banner: banner), into: &step)
        case let .failed(reason):
            lastFailure = reason
            guard now < deadline else {
                // The bound, not the time measured: the last attempt and the scheduling overrun it
                // by a little that varies, and "gave up after 5m" is what the operator set.
                finish(.unreachable(reason: reason, after: schedule.giveUpAfter), into: &step)
                break
            }
            let wait = schedule.wait(afterFailures: due.attempt)
            let at = min(now.addingTimeInterval(wait.timeInterval), deadline)
            let after = Duration.milliseconds(Int((at.timeIntervalSince(now) * 1000).rounded()))
            next = Due(attempt: due.attempt + 1, after: after, at: at)
            step.changes.append(.attemptFailed(reason: reason, retryIn: after))
        }
        step.next = next
        return step
    }

    private mutating func finish(_ readiness: LoginReadiness, into step: inout Step) {
        outcome = readiness
        next = nil
        step.changes.append(.finished(readiness))
    }
}
