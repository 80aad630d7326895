import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Page size of the server list; the API allows up to 1000.
let serverPageSize = 100

func reduceListKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    state.flash = nil
    if state.showHistory {
        // The history is a read-only view over the list: any of these keys closes it.
        if [.escape, .character("h"), .character("q"), .enter].contains(key) { state.showHistory = false }
        return []
    }
    switch key {
    case .character("h"):
        state.showHistory = true
    case .character("q"), .character("Q"):
        state.quitRequested = true
        return []
    case .down, .character("j"):
        moveSelection(&state, by: 1)
    case .up, .character("k"):
        moveSelection(&state, by: -1)
    case .pageDown:
        moveSelection(&state, by: max(1, ServerListLayout.visibleRows(state) - 1))
    case .pageUp:
        moveSelection(&state, by: -max(1, ServerListLayout.visibleRows(state) - 1))
    case .home, .character("g"):
        moveSelection(&state, by: -state.servers.rows.count)
    case .end, .character("G"):
        moveSelection(&state, by: state.servers.rows.count)
    case .character("r"):
        state.servers.loading = true
        return [.loadServers(page: 1)]
    case .enter:
        return openForm(&state)
    default:
        break
    }
    return []
}

private func moveSelection(_ state: inout AppState, by delta: Int) {
    let rows = state.servers.rows
    guard !rows.isEmpty else { return }
    let current = state.servers.selectedIndex ?? 0
    let next = min(max(current + delta, 0), rows.count - 1)
    state.servers.selectedId = rows[next].id
    state.servers.top = Table.scrollTop(
        selected: next, previousTop: state.servers.top,
        visibleRows: ServerListLayout.visibleRows(state), rowCount: rows.count)
}

private func openForm(_ state: inout AppState) -> [Effect] {
    guard let server = state.servers.selected else { return [] }
    if let job = state.jobs.first(where: { $0.serverId == server.id && !$0.isFinished }) {
        state.flash = Flash(.error, "\(server.name) already has a reinstall running (job \(job.jobId.prefix(8))…); wait for it to finish.")
        return []
    }
    // Pre-flight guard rails (ReinstallPreflight): blocked ones never open the form.
    var warning: String?
    switch ReinstallPreflight.check(server) {
    case let .blocked(why):
        state.flash = Flash(.error, why)
        return []
    case let .warning(text):
        warning = text
    case .clear:
        break
    }
    state.form = ReinstallForm(server: server, warning: warning)
    var effects: [Effect] = []
    if let imageId = server.imageId {
        switch state.images[imageId] {
        case .none, .failed, .notRequested:
            state.images[imageId] = .loading
            effects.append(.loadImage(id: imageId))
        case .loading, .loaded:
            break
        }
    }
    if case .failed = state.keypairs {
        state.keypairs = .loading
        effects.append(.loadKeypairs)
    }
    if case .failed = state.userId {
        state.userId = .loading
        effects.append(.loadUserId)
    }
    return effects
}

func reduceServersLoaded(_ state: inout AppState, page: Int, result: ServerPage) -> [Effect] {
    if page <= 1 {
        state.servers.rows = result.servers
    } else {
        let known = Set(state.servers.rows.map(\.id))
        state.servers.rows += result.servers.filter { !known.contains($0.id) }
    }
    state.servers.total = result.count
    state.servers.loadError = nil
    if state.servers.selectedId == nil || !state.servers.rows.contains(where: { $0.id == state.servers.selectedId }) {
        state.servers.selectedId = state.servers.rows.first?.id
    }
    if let index = state.servers.selectedIndex {
        state.servers.top = Table.scrollTop(
            selected: index, previousTop: state.servers.top,
            visibleRows: ServerListLayout.visibleRows(state), rowCount: state.servers.rows.count)
    }
    // Pages arrive one after another so the first rows are on screen while the rest load.
    let more = !result.servers.isEmpty && state.servers.rows.count < result.count
    state.servers.loading = more
    return more ? [.loadServers(page: page + 1)] : []
}
