import Foundation
import HuaweiCloud

/// When the poller asks again. Pure, so the schedule is tested without waiting.
public struct PollSchedule: Sendable, Equatable {
    /// Polls while a job is young (the first minute): about every 2 s.
    public var youngInterval: Duration = .seconds(2)
    /// Polls once it is old: about every 10 s.
    public var oldInterval: Duration = .seconds(10)
    public var youngAge: TimeInterval = 60
    /// The interval grows from young to old over this long after `youngAge`.
    public var rampAge: TimeInterval = 120
    /// First wait after a failed poll; it doubles with each failure in a row, up to `maxBackoff`.
    public var failureBackoff: Duration = .seconds(4)
    public var maxBackoff: Duration = .seconds(60)
    /// ± this share of every wait, so many clients (or jobs) do not poll in step.
    public var jitter: Double = 0.2

    public init() {}

    /// The wait after a good answer, for a job `age` seconds old; `random` is in 0…1.
    public func interval(age: TimeInterval, random: Double) -> Duration {
        let young = youngInterval.timeInterval, old = oldInterval.timeInterval
        let progress = min(max((age - youngAge) / rampAge, 0), 1)
        return jittered(young + (old - young) * progress, random)
    }

    /// The wait after `failures` failed polls in a row; throttling waits longer, and a server's
    /// `Retry-After` is a floor.
    public func backoff(failures: Int, throttled: Bool, retryAfter: Duration?, random: Double) -> Duration {
        let base = failureBackoff.timeInterval * (throttled ? 2 : 1)
        let wait = min(base * pow(2, Double(max(failures, 1) - 1)), maxBackoff.timeInterval)
        let floor = retryAfter.map(\.timeInterval) ?? 0
        return max(jittered(wait, random), .seconds(floor))
    }

    /// Whether a failure is the cloud asking us to slow down.
    public static func isThrottling(_ error: CloudError) -> Bool {
        error.isThrottling
    }

    /// Whether the cloud says it does not know the job (a wrong or expired id).
    public static func isLost(_ error: CloudError) -> Bool {
        guard case let .api(status, code, _, _) = error else { return false }
        return status == 404 || code == "Common.0011"
    }

    private func jittered(_ seconds: Double, _ random: Double) -> Duration {
        let factor = 1 + jitter * (min(max(random, 0), 1) * 2 - 1)
        return .milliseconds(Int((seconds * factor * 1000).rounded()))
    }

}
