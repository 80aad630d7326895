import Synchronization

/// Where background work leaves its events for the main loop, which `wake` rouses (the wake
/// pipe of a loop asleep in `poll()`, or a test waiting in process).
package final class EventInbox: Sendable {
    private let pending = Mutex<[AppEvent]>([])
    private let wake: @Sendable () -> Void

    package init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    package func post(_ event: AppEvent) {
        pending.withLock { $0.append(event) }
        wake()
    }

    package var isEmpty: Bool { pending.withLock(\.isEmpty) }

    package func takeAll() -> [AppEvent] {
        pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
