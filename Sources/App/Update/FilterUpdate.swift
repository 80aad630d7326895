import TerminalKit

/// `/`: the filter line opens with the current filter, and every keystroke narrows the list.
func beginFilter(_ state: inout AppState) -> [Effect] {
    state.servers.filterField = TextField(text: state.servers.catalog.filter.text, maxLength: InputLimits.filter)
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
        // Taken out while edited, so the text is held once and a key appends in place.
        guard var field = state.servers.filterField else { return [] }
        state.servers.filterField = nil
        let before = field.text.utf8.count
        _ = field.apply(key)
        state.servers.filterField = field
        // Every edit changes the length; a cursor move, or a key a full field refused, searches nothing again.
        if field.text.utf8.count != before { state.servers.catalog.setFilter(field.text) }
    }
    return []
}

