import Foundation

/// The gateway's brute-force guard (huawei-ecs-api.md §2.1): an AK whose signature fails
/// `threshold` times in a row is refused for `duration`, even with a correct signature;
/// a success resets its count. Counted per AK as claimed in the Authorization header.
struct AccessKeyLock: Sendable {
    var threshold: Int
    var duration: TimeInterval
    private var failures: [String: Int] = [:]
    private var lockedUntil: [String: Date] = [:]

    init(threshold: Int, duration: TimeInterval) {
        self.threshold = threshold
        self.duration = duration
    }

    /// True while the AK is locked; an expired lock is lifted here, with a fresh count.
    mutating func isLocked(_ accessKey: String, now: Date) -> Bool {
        guard let until = lockedUntil[accessKey] else { return false }
        if now < until { return true }
        lockedUntil[accessKey] = nil
        failures[accessKey] = nil
        return false
    }

    mutating func recordFailure(_ accessKey: String, now: Date) {
        guard threshold > 0 else { return }
        let count = (failures[accessKey] ?? 0) + 1
        failures[accessKey] = count
        if count >= threshold {
            lockedUntil[accessKey] = now.addingTimeInterval(duration)
        }
    }

    mutating func recordSuccess(_ accessKey: String) {
        failures[accessKey] = nil
    }

    static let lockedMessage = "\(GatewayAuthenticator.prefix): AK access failed to reach the limit,forbidden."
}
