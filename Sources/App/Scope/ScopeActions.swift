import TerminalKit

/// `:` while its picker is open. Every other key is typed into its filter (`?` and `q` too: they
/// may be in a name), so its help is on F1.
enum ScopeActions {
    static let all: [Action] = [
        Action(keys: [], keyLabel: "type", label: "narrow the list: every word must occur in a name",
               footer: "type filter", perform: { state, key in typeIntoScopeFilter(&state, key) }),
        Action(keys: [.enter], keyLabel: "Enter", label: "switch to the highlighted one (after a failure: ask again)",
               footer: "Enter switch", availability: switchAvailability,
               perform: { state, _ in chooseHighlightedScope(&state) }),
        Action(keys: [.down, .up, .pageDown, .pageUp], keyLabel: "↑↓ PgUp PgDn", label: "move through the choices",
               footer: "↑↓ move", availability: moveAvailability, quietWhenDisabled: true,
               perform: { state, key in moveScopeHighlight(&state, key) }),
    ] + LineEditKeys.actions { state, key in typeIntoScopeFilter(&state, key) } + [
        helpAction(keys: [.function(1)], keyLabel: "F1", footer: "F1 help"),
        Action(keys: [.escape], keyLabel: "Esc", label: "close, staying where you are", footer: "Esc close",
               perform: { state, _ in
                   state.scopePicker = nil
                   return []
               }),
    ]

    @Sendable static func switchAvailability(_ state: AppState) -> Availability {
        guard let picker = state.scopePicker else { return .disabled("nothing to choose from") }
        if case .failed = picker.choices { return .enabled }
        if picker.choices == .loading { return .disabled("the regions and projects are still being listed") }
        if picker.highlighted == nil { return .disabled("no region or project matches the filter") }
        return switchRefusal(state).map { .disabled($0) } ?? .enabled
    }

    @Sendable static func moveAvailability(_ state: AppState) -> Availability {
        (state.scopePicker?.matching().count ?? 0) > 1 ? .enabled : .disabled("nothing else to move to")
    }
}
