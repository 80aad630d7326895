/// When the readiness probe tries again, and when it gives up. Pure, so it is tested without waiting.
public struct ProbeSchedule: Sendable, Equatable {
    /// The waits after the first failed attempts, in order: a server that has just booted opens
    /// its port within seconds.
    public var firstWaits: [Duration] = [.seconds(2), .seconds(4), .seconds(8)]
    /// The wait after every later failure.
    public var steadyWait: Duration = .seconds(15)
    /// How long after the start the probe gives up (`--login-timeout`).
    public var giveUpAfter: Duration = .seconds(300)
    /// How long one connection attempt (connect, then the banner) may take.
    public var attemptTimeout: Duration = .seconds(5)

    public init(giveUpAfter: Duration = .seconds(300)) {
        self.giveUpAfter = giveUpAfter
    }

    /// The wait after `failures` failed attempts in a row (1 for the first).
    public func wait(afterFailures failures: Int) -> Duration {
        let index = max(failures, 1) - 1
        return index < firstWaits.count ? firstWaits[index] : steadyWait
    }
}
