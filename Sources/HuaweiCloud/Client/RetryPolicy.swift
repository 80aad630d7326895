import Foundation

/// When and how long to wait before repeating a read. Writes (a reinstall or stop POST) are never
/// repeated: they are not idempotent, and the caller decides what an ambiguous failure means.
///
/// A read is repeated after a timeout or a lost connection, a 5xx, or throttling (429 /
/// `APIGW.0308`, `Common.0024` on a 202, `Common.1503`), at most `maxAttempts` times and never past
/// `totalBudget` counted from the first attempt. Waits grow exponentially with full jitter; a
/// server's `Retry-After` is honoured (and a wait that would overrun the budget is not started).
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The most one call may take, attempts and waits together.
    public var totalBudget: Duration

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        totalBudget: Duration = .seconds(60)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalBudget = totalBudget
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether a failed attempt is worth repeating: timeouts, connection errors, 5xx and throttling.
    public static func isRetryable(_ error: CloudError) -> Bool {
        switch error {
        case .transport: return true
        case let .api(status, _, _, _):
            return status >= 500 || error.isThrottling
        case .malformedResponse, .configuration: return false
        }
    }

    /// Exponential backoff with full jitter (`random` in 0…1, floored at 0.1 so a retry never
    /// fires at once); a server's `Retry-After` wins when larger, up to four times `maxDelay`.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?, random: Double) -> Duration {
        let exponential = baseDelay * (1 << min(max(attempt - 1, 0), 10))
        let capped = min(exponential, maxDelay)
        let jittered = capped * max(0.1, min(random, 1))
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxDelay * 4))
    }

    /// `Retry-After` as delta-seconds (`"3"`, `"1.5"`) or an HTTP date, relative to `now`.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int((seconds * 1000).rounded()))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int((seconds * 1000).rounded()))
    }
}

/// The clock the retry loop reads and sleeps on: the real one, or a virtual one in tests.
struct RetryClock: Sendable {
    var now: @Sendable () -> ContinuousClock.Instant
    var sleep: @Sendable (Duration) async throws -> Void
    var random: @Sendable () -> Double

    static let live = RetryClock(
        now: { ContinuousClock.now },
        sleep: { try await Task.sleep(for: $0) },
        random: { Double.random(in: 0...1) })
}
