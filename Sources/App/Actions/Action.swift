import TerminalKit

/// Whether an action can run now, and if not, why (shown in the footer, the help and the flash).
package enum Availability: Sendable, Equatable {
    case enabled
    case disabled(String)
}

/// One thing the operator can do in a mode (`Mode`): the single source of its key dispatch, its
/// footer hint and its line in the `?` help, so the three never disagree. An action without keys
/// documents what the mode does with any other key (typing into its text field).
struct Action: Sendable {
    /// The keys that run it.
    var keys: [Key]
    /// How the footer and the help write the keys: `Enter`, `s/S`, `↑↓ jk`.
    var keyLabel: String
    var label: String
    /// Changes something in the cloud that cannot be undone.
    var dangerous = false
    /// Its hint in the footer (nil: only in the help, which shows every action).
    var footer: String?
    var availability: @Sendable (AppState) -> Availability = { _ in .enabled }
    /// When disabled, its key does nothing instead of explaining itself in the flash: scrolling a
    /// view that fits is not news worth a line in the message log.
    var quietWhenDisabled = false
    var perform: @Sendable (inout AppState, Key) -> [Effect]

    func handles(_ key: Key) -> Bool { keys.contains(key) }
}

extension Array where Element == Action {
    /// Runs the action bound to `key`; a disabled one explains itself in the flash instead.
    /// - Returns: nil when no action has that key.
    func dispatch(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let action = first(where: { $0.handles(key) }) else { return nil }
        switch action.availability(state) {
        case .enabled:
            return action.perform(&state, key)
        case .disabled where action.quietWhenDisabled:
            return []
        case let .disabled(why):
            state.flash = Flash(.error, why)
            return []
        }
    }
}
