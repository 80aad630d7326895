import Foundation

/// When and how long to wait before repeating a read. Writes (a reinstall POST) are never
/// repeated: they are not idempotent, and the caller decides what an ambiguous failure means.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether a failed attempt is worth repeating: timeouts, connection errors, 5xx and throttling.
    public static func isRetryable(_ error: CloudError) -> Bool {
        switch error {
        case .transport: return true
        case let .api(status, code, _, _):
            return status >= 500 || status == 429
                || ["APIGW.0308", "Common.0024", "Common.1503"].contains(code)
        case .malformedResponse, .configuration: return false
        }
    }

    /// Exponential backoff with full jitter; a server's `Retry-After` (seconds) wins when larger.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?, random: Double) -> Duration {
        let exponential = baseDelay * (1 << min(attempt - 1, 10))
        let capped = min(exponential, maxDelay)
        let jittered = capped * max(0.1, min(random, 1))
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxDelay * 4))
    }
}
