import Foundation
import Synchronization

/// A clock for tests and demos that moves only when told: pass `clock.now` as the simulator's
/// `now`, then `advance(by:)` to walk a reinstall job through INIT, RUNNING and SUCCESS.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date()) { current = Mutex(start) }

    public func now() -> Date {
        current.withLock { $0 }
    }

    public func advance(by duration: Duration) {
        current.withLock { $0 = $0.addingTimeInterval(duration.timeInterval) }
    }
}

