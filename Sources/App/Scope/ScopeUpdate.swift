import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// `:` on the list: the picker opens at once with the scopes listed before (if any) while the
/// cloud is asked again for the regions and projects the account may reach.
func openScopePicker(_ state: inout AppState) -> [Effect] {
    var picker = ScopePicker()
    if !state.knownScopes.isEmpty {
        picker.choices = .loaded(ScopePicker.ordered(state.knownScopes, previous: state.previousScope))
    }
    state.scopePicker = picker
    return [.loadScopes]
}

/// Why the scope cannot change now, or nil. Refused while a form is open (it is about a server of
/// this scope) and while a reinstall is being submitted or its outcome is unclear: its answer
/// and the reads that settle it belong to this scope, and switching must not confuse them.
func switchRefusal(_ state: AppState) -> String? {
    if state.form != nil { return "Close the reinstall form first: it is about a server of \(ScopeText.label(state.scope))." }
    if let mark = state.submissions.values.first(where: { $0.phase == .submitting }) {
        return "A reinstall of \(TerminalText.visible(mark.serverName)) is being submitted; switch once the cloud has answered."
    }
    if let mark = state.submissions.values.first {
        return "The reinstall of \(TerminalText.visible(mark.serverName)) is still unclear; switch once its server's "
            + "status has settled it."
    }
    return nil
}

func reduceScopesLoaded(_ state: inout AppState, _ scopes: [ProjectScope]) -> [Effect] {
    state.knownScopes = scopes
    guard var picker = state.scopePicker else { return [] }
    let ordered = ScopePicker.ordered(scopes, previous: state.previousScope)
    picker.choices = .loaded(ordered)
    picker.reloadError = nil
    if ordered.isEmpty {
        picker.choices = .failed("The cloud lists no region project for these credentials (only projects such as MOS).")
    }
    state.scopePicker = picker
    return []
}

/// A refused or failed listing is said in the picker (and logged); what was typed stays, and
/// choices listed before stay choosable.
func reduceScopesFailed(_ state: inout AppState, _ error: CloudError) -> [Effect] {
    let message = "The regions and projects could not be listed (GET /v3/auth/projects): \(error.message)"
    state.flash = Flash(.error, message)
    guard var picker = state.scopePicker else { return [] }
    if case .loaded = picker.choices {
        picker.reloadError = message
    } else {
        picker.choices = .failed(message)
    }
    state.scopePicker = picker
    return []
}

func typeIntoScopeFilter(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var picker = state.scopePicker else { return [] }
    _ = picker.filter.apply(key)
    state.scopePicker = picker
    return []
}

func moveScopeHighlight(_ state: inout AppState, _ key: Key) -> [Effect] {
    let step: Int
    switch key {
    case .down: step = 1
    case .up: step = -1
    case .pageDown: step = 10
    case .pageUp: step = -10
    default: return []
    }
    state.scopePicker?.move(step)
    return []
}

/// Enter in the picker: after a failed listing, ask again; else switch to the highlighted scope.
func chooseHighlightedScope(_ state: inout AppState) -> [Effect] {
    guard let picker = state.scopePicker else { return [] }
    if case .failed = picker.choices {
        state.scopePicker?.choices = .loading
        return [.loadScopes]
    }
    guard let scope = picker.highlighted else { return [] }
    return switchScope(&state, to: scope)
}

/// Works in `scope` from now on: a new listing (its own generation, so pages of the old one are
/// dropped), the old scope's images and key pairs forgotten, its jobs left in their panes (each
/// still followed with its own scope's client), and the new scope's unfinished journal jobs resumed.
func switchScope(_ state: inout AppState, to scope: ProjectScope) -> [Effect] {
    if let refusal = switchRefusal(state) {
        state.flash = Flash(.error, refusal)
        return []
    }
    state.scopePicker = nil
    guard scope.projectId != state.projectId || scope.region != state.region else {
        state.flash = Flash(.info, "Already in \(ScopeText.label(scope)).")
        return []
    }
    state.previousScope = state.scope
    state.region = scope.region
    state.projectId = scope.projectId
    state.projectName = scope.projectName
    let journalScope = JournalEntry.scope(demo: state.mode == .demo, region: scope.region, projectId: scope.projectId)
    state.journalScope = journalScope
    state.scopeLabels[journalScope] = ScopeText.label(scope)

    // The list starts over in the new scope, sorted as before.
    let generation = state.servers.generation
    let sort = state.servers.catalog.sort
    state.servers = ServerListState()
    state.servers.generation = generation
    state.servers.catalog.setSort(sort, context: ServerRowContext(state))
    state.images = [:]
    state.keypairs = .loading
    state.showHistory = false

    // The new scope's journal: its history shown, its unfinished jobs followed again.
    let (arriving, staying) = state.journalElsewhere.reduce(into: ([JournalEntry](), [JournalEntry]())) { parts, entry in
        if entry.scope == journalScope { parts.0.append(entry) } else { parts.1.append(entry) }
    }
    state.journalElsewhere = staying
    state.history = (state.history + arriving.filter(\.isFinished)).sorted {
        ($0.finishedAt ?? $0.updatedAt) < ($1.finishedAt ?? $1.updatedAt)
    }
    let followed = Set(state.jobs.map(\.jobId))
    let resumed = arriving.filter { !$0.isFinished && !followed.contains($0.jobId) }
    state.jobs += resumed.map(JobTracker.init(resuming:))

    state.flash = Flash(.info, ScopeText.switched(to: scope, resumed: resumed.count))
    var effects: [Effect] = [.useScope(scope, journalScope: journalScope)]
    effects += startListing(&state)
    effects.append(.loadKeypairs(scope: journalScope))
    effects += resumed.map { .watchJob($0) }
    if !resumed.isEmpty { effects.append(.scheduleTick(after: .seconds(1))) }
    effects.append(.rememberScope(scope))
    return effects
}
