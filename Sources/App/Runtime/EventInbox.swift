import Synchronization
import TerminalKit

/// Where background work leaves its events for the main loop, which it wakes through the pipe.
public final class EventInbox: Sendable {
    private let pending = Mutex<[AppEvent]>([])
    private let wake: WakePipe

    public init(wake: WakePipe) { self.wake = wake }

    public func post(_ event: AppEvent) {
        pending.withLock { $0.append(event) }
        wake.wake()
    }

    public func takeAll() -> [AppEvent] {
        pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
