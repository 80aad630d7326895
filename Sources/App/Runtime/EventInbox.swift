import Synchronization

/// Where background work leaves its events for the main loop, which `wake` rouses (the wake
/// pipe of a loop asleep in `poll()`, or a test waiting in process).
public final class EventInbox: Sendable {
    private let pending = Mutex<[AppEvent]>([])
    private let wake: @Sendable () -> Void

    public init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    public func post(_ event: AppEvent) {
        pending.withLock { $0.append(event) }
        wake()
    }

    public var isEmpty: Bool { pending.withLock(\.isEmpty) }

    public func takeAll() -> [AppEvent] {
        pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
