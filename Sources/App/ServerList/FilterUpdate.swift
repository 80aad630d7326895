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

/// Enter: keeping the filter accepts the view; the highlighted row becomes the selection (settle).
func keepFilter(_ state: inout AppState) -> [Effect] {
    state.servers.filterField = nil
    return []
}

/// Keys while the filter is typed: its actions (`FilterActions`), and any other key edits it.
func reduceFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    FilterActions.all.dispatch(key, &state) ?? typeIntoFilter(&state, key)
}

/// A key typed into the filter; every edit narrows the list again.
func typeIntoFilter(_ state: inout AppState, _ key: Key) -> [Effect] {
    // Taken out while edited, so the text is held once and a key appends in place.
    guard var field = state.servers.filterField else { return [] }
    state.servers.filterField = nil
    let before = field.text.utf8.count
    _ = field.apply(key)
    state.servers.filterField = field
    // Every edit changes the length; a cursor move, or a key a full field refused, searches nothing again.
    if field.text.utf8.count != before { state.servers.catalog.setFilter(field.text) }
    return []
}
