import Foundation

/// A clock for tests and demos that moves only when told: pass `clock.now` as the simulator's
/// `now`, then `advance(by:)` to walk a reinstall job through INIT, RUNNING and SUCCESS.
public final class ManualClock: @unchecked Sendable {
    // @unchecked: `current` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date()) { current = start }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func advance(by duration: Duration) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(duration.timeInterval)
    }

    public func set(_ date: Date) {
        lock.lock()
        defer { lock.unlock() }
        current = date
    }
}

extension Duration {
    /// Seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let c = components
        return TimeInterval(c.seconds) + TimeInterval(c.attoseconds) / 1e18
    }
}
