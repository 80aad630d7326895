import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

func reduceListKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    // A key press has seen the flash; a wheel turn may not have.
    if case .mouse = key {} else { state.flash = nil }
    // The help and the history are read-only: keys that are none of their actions are ignored.
    if state.showHelp { return HelpActions.all.dispatch(key, &state) ?? [] }
    if state.scopePicker != nil { return ScopeActions.all.dispatch(key, &state) ?? typeIntoScopeFilter(&state, key) }
    if state.messages.isOpen { return reduceMessageLogKey(&state, key) }
    if state.jobsPane.focused { return reduceJobsPaneKey(&state, key) }
    if state.showHistory { return HistoryActions.all.dispatch(key, &state) ?? [] }
    if state.servers.filterField != nil { return reduceFilterKey(&state, key) }
    if case let .mouse(event) = key { return reduceListMouse(&state, event) }
    return ListActions.all.dispatch(key, &state) ?? []
}

/// Moves the selection for a movement key (arrows, vim keys, pages, ends).
func move(_ state: inout AppState, _ key: Key) -> [Effect] {
    let page = max(1, ServerListLayout.visibleRows(state) - 1)
    let count = state.servers.catalog.visible.count
    switch key {
    case .down, .character("j"): moveSelection(&state, by: 1)
    case .up, .character("k"): moveSelection(&state, by: -1)
    case .pageDown, .character("\u{06}"): moveSelection(&state, by: page)
    case .pageUp, .character("\u{02}"): moveSelection(&state, by: -page)
    case .home, .character("g"): moveSelection(&state, by: -count)
    case .end, .character("G"): moveSelection(&state, by: count)
    default: break
    }
    return []
}

func moveSelection(_ state: inout AppState, by delta: Int) {
    guard let current = state.servers.selectedIndex else { return }
    state.servers.select(row: current + delta, visibleRows: ServerListLayout.visibleRows(state))
}

/// A click selects the row under it; the wheel scrolls three rows.
private func reduceListMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    switch event.kind {
    case .wheelUp: moveSelection(&state, by: -3)
    case .wheelDown: moveSelection(&state, by: 3)
    case .press:
        let line = event.y - ServerListLayout.firstRowLine(state)
        let row = state.servers.top + line
        let visibleRows = ServerListLayout.visibleRows(state)
        // Only a click on a drawn row selects: not the header, the blank below, or the job panes.
        guard line >= 0, line < visibleRows, row < state.servers.catalog.visible.count else { break }
        state.servers.select(row: row, visibleRows: visibleRows)
    }
    return []
}

func sort(_ state: inout AppState, _ sort: ServerSort) -> [Effect] {
    state.servers.catalog.setSort(sort, context: ServerRowContext(state))
    state.flash = Flash(.info, "Sorted by \(sort.label)")
    return []
}

/// `1`…`9`: sort by that column as shown (narrow terminals show fewer); the same again reverses.
func sortByShownColumn(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard case let .character(digit) = key, let number = digit.wholeNumberValue else { return [] }
    let shown = ServerListLayout.columns(state).map(\.column)
    guard number >= 1, number <= shown.count else {
        state.flash = Flash(.error, "Only \(shown.count) columns are shown at this width.")
        return []
    }
    let column = shown[number - 1]
    let current = state.servers.catalog.sort
    return sort(&state, current.column == column ? current.reversed : ServerSort(column: column))
}

func openForm(_ state: inout AppState) -> [Effect] {
    guard let server = state.servers.selected else { return [] }
    // Blocked servers never get here (ListActions.reinstallAvailability); warnings open the form.
    var warning: String?
    if case let .warning(text) = ReinstallPreflight.check(server) { warning = text }
    state.form = ReinstallForm(server: server, warning: warning)
    // The listing may be minutes old: the form's facts are read again as it opens.
    var effects: [Effect] = [.checkServer(id: server.id)]
    if let imageId = server.imageId {
        switch state.images[imageId] {
        case .none, .failed, .notRequested:
            state.images[imageId] = .loading
            effects.append(.loadImage(id: imageId, scope: state.journalScope))
        case .loading, .loaded:
            break
        }
    }
    if case .failed = state.keypairs {
        state.keypairs = .loading
        effects.append(.loadKeypairs(scope: state.journalScope))
    }
    if case .failed = state.userId {
        state.userId = .loading
        effects.append(.loadUserId)
    }
    return effects
}
