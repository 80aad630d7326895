import TerminalKit

/// While the filter is typed. Every other key is typed into it (`?` too: it may be in a name),
/// so its help is on F1.
enum FilterActions {
    static let all: [Action] = [
        Action(keys: [], keyLabel: "type", label: "narrow the list: every word must occur in what a row shows, or its id",
               footer: "type filter", perform: { state, key in typeIntoFilter(&state, key) }),
        Action(keys: [.enter], keyLabel: "Enter", label: "keep the filter and select the highlighted row",
               footer: "Enter keep", perform: { state, _ in keepFilter(&state) }),
        Action(keys: [.down, .up, .pageDown, .pageUp], keyLabel: "↑↓ PgUp PgDn", label: "move through the matches",
               footer: "↑↓ move", perform: { state, key in move(&state, key) }),
    ] + LineEditKeys.actions { state, key in typeIntoFilter(&state, key) } + [
        helpAction(keys: [.function(1)], keyLabel: "F1", footer: "F1 help"),
        Action(keys: [.escape], keyLabel: "Esc", label: "clear the filter: the whole list again", footer: "Esc clear",
               perform: { state, _ in clearFilter(&state) }),
    ]
}
