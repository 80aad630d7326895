import TerminalKit

/// `/`: the filter line opens with the current filter, and every keystroke narrows the list.
func beginFilter(_ state: inout AppState) -> [Effect] {
    state.servers.filterField = TextField(text: state.servers.catalog.filter.text)
    return []
}

/// Esc: the whole list again, the selection still on its server (while typing: on the server
/// selected before the filter hid it).
func clearFilter(_ state: inout AppState) -> [Effect] {
    state.servers.filterField = nil
    state.servers.catalog.setFilter("")
    return []
}

/// Keys while the filter is typed: text edits it, Enter keeps it, Esc clears it, and the
/// arrows still move through the matches.
func reduceFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .enter:
        // Keeping the filter accepts the view: the highlighted row becomes the selection (settle).
        state.servers.filterField = nil
    case .escape:
        return clearFilter(&state)
    case .up, .down, .pageUp, .pageDown:
        return move(&state, key)
    default:
        guard var field = state.servers.filterField, field.apply(key) else { return [] }
        state.servers.filterField = field
        state.servers.catalog.setFilter(field.text)
    }
    return []
}
