import HuaweiCloud
import Reinstall
import Synchronization

/// Writes the last scope for the next start, off the UI's isolation domain, so that two switches
/// in quick succession end with the later one on disk whichever write runs last: the scope is
/// noted in order when the effect is asked for, and every write, one at a time, writes the latest.
final class ScopeMemoryWriter: Sendable {
    private let memory: ScopeMemory
    private let latest = Mutex<ProjectScope?>(nil)

    init(memory: ScopeMemory) { self.memory = memory }

    /// Called in the order the switches happened.
    func note(_ scope: ProjectScope) {
        latest.withLock { $0 = scope }
    }

    /// Writes the latest scope noted (under the lock, so writes do not interleave).
    func writeLatest() throws {
        try latest.withLock { scope in
            if let scope { try memory.remember(scope) }
        }
    }
}
