import Foundation
import HuaweiCloud
import TerminalKit

/// The one place the state changes. Pure: no network, no terminal; work is returned as effects.
/// The event's own change first, then the steps that keep the whole state consistent whatever
/// the event was, each named for what it keeps.
package func reduce(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    let before = (jobLabels: listedJobStates(state), flash: state.flash, journalProblem: state.journalProblem)
    let effects = reduceEvent(&state, event)
    logNewMessages(&state, flashBefore: before.flash, journalProblemBefore: before.journalProblem)
    relabelJobRows(&state, labelsBefore: before.jobLabels)
    keepSelectionInView(&state)
    keepQuitQuestion(&state)
    keepHostKeyQuestion(&state)
    leaveIfAnswered(&state)
    return effects + resumeHeldRefresh(&state)
}

/// Every message reaches the log, whole, whichever event said it.
private func logNewMessages(_ state: inout AppState, flashBefore: Flash?, journalProblemBefore: String?) {
    if let news = state.flash, news != flashBefore { state.messages.record(news, at: state.now) }
    if let problem = state.journalProblem, problem != journalProblemBefore {
        // The notice accumulates problems; the log gets the new one.
        let old = journalProblemBefore ?? ""
        let news = problem.hasPrefix(old) ? String(problem.dropFirst(old.count)).trimmingCharacters(in: .whitespaces) : problem
        state.messages.record(Flash(.error, news), at: state.now)
    }
}

/// The list stays consistent with the jobs: rows whose job state changed are sorted and
/// filtered again (the JOB column).
private func relabelJobRows(_ state: inout AppState, labelsBefore: [String: String]) {
    let labels = listedJobStates(state)
    guard labels != labelsBefore else { return }
    let changed = Set(labels.keys).union(labelsBefore.keys).filter { labels[$0] != labelsBefore[$0] }
    state.servers.catalog.contextChanged(.job, ServerRowContext(state)) { changed.contains($0.id) }
}

/// The highlighted row stays in view of the rows the screen gives the list (job panes take some).
/// Not on a too-small terminal: scrolling for its one row would leave the list scrolled there.
private func keepSelectionInView(_ state: inout AppState) {
    if Layout.fits(state.size) { state.servers.settle(visibleRows: ServerListLayout.visibleRows(state)) }
}

private func reduceEvent(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case let .key(key):
        if !Layout.fits(state.size) {
            // Nothing is visible to edit or act on: only the "q quits" that the screen offers, which
            // asks first while reinstalls run, as it does on the list.
            if state.askingToQuit { return answerQuitQuestion(&state, key) }
            // The removal question is on screen there too (an error flash): the key answers it.
            if state.jobsPane.hostKeyQuestion != nil { return answerHostKeyQuestion(&state, key) }
            // The list's own quit actions, so the same rule holds: not while a reinstall is being sent.
            let quits = ListActions.all.filter { $0.handles(.character("q")) || $0.handles(.character("Q")) }
            return quits.dispatch(key, &state) ?? []
        }
        // The mode on top takes the key through its actions (`Mode`).
        if state.askingToQuit { return QuitActions.all.dispatch(key, &state) ?? answerQuitQuestion(&state, key) }
        if state.jobsPane.hostKeyQuestion != nil {
            return HostKeyQuestionActions.all.dispatch(key, &state) ?? answerHostKeyQuestion(&state, key)
        }
        if state.form != nil && !state.showHelp { return reduceFormKey(&state, key) }
        return reduceListKey(&state, key)
    case let .resized(size):
        state.size = size
        return []
    case .signalWhileSending:
        return reduceSignalWhileSending(&state)
    case let .tick(now):
        state.now = max(state.now, now)
        return state.hasRunningJobs ? [.scheduleTick(after: .seconds(1))] : []
    case let .serverPage(generation, page):
        return reduceServerPage(&state, generation: generation, page: page)
    case let .serverListingFinished(generation, time):
        return reduceListingFinished(&state, generation: generation, at: time)
    case let .serverListingFailed(generation, error):
        return reduceListingFailed(&state, generation: generation, error: error)
    case let .serverChecked(id, check):
        return reduceServerChecked(&state, id: id, check: check)
    case .listRefreshDue:
        return reduceRefreshDue(&state)
    case .listRetryDue:
        return reduceRetryDue(&state)
    // An answer asked for before a switch of scope is another region's: dropped.
    case let .imageLoaded(id, image, scope):
        guard scope == state.journalScope else { return [] }
        state.images[id] = .loaded(image)
        state.servers.catalog.contextChanged(.cloudInit, ServerRowContext(state)) { $0.imageId == id }
        return []
    case let .imageFailed(id, error, scope):
        guard scope == state.journalScope else { return [] }
        state.images[id] = .failed(error.message)
        state.servers.catalog.contextChanged(.cloudInit, ServerRowContext(state)) { $0.imageId == id }
        return []
    case let .keypairsLoaded(pairs, scope):
        guard scope == state.journalScope else { return [] }
        state.keypairs = .loaded(pairs.sorted { $0.name < $1.name })
        return []
    case let .keypairsFailed(error, scope):
        guard scope == state.journalScope else { return [] }
        state.keypairs = .failed(error.message)
        return []
    case let .userIdLoaded(id):
        state.userId = .loaded(id)
        return []
    case let .userIdFailed(error):
        state.userId = .failed(error.message)
        return []
    case let .reinstallAccepted(jobId, serverId, serverName, api, at, requestId):
        state.submissions[serverId] = nil
        return reduceReinstallAccepted(&state, jobId: jobId, serverId: serverId, serverName: serverName, api: api, at: at,
                                       requestId: requestId)
    case let .reinstallFailed(serverId, message):
        return reduceReinstallFailed(&state, serverId: serverId, message: message)
    case let .reinstallUnclear(serverId, advice, started, at):
        return reduceReinstallUnclear(&state, serverId: serverId, advice: advice, started: started, at: at)
    case let .submittedServerRead(id, check, at):
        return reduceSubmittedServerRead(&state, id: id, check: check, at: at)
    case let .jobFollowed(followed):
        return reduceJobFollowed(&state, followed)
    case let .journalFailed(message):
        // Added to what is shown, not in its place: a file moved aside at start stays said.
        if let shown = state.journalProblem {
            if !shown.contains(message) { state.journalProblem = shown + " " + message }
        } else {
            state.journalProblem = message
        }
        return []
    case let .userDataRead(path, result):
        return reduceUserDataRead(&state, path: path, result: result)
    case let .userDataCompletions(typed, candidates):
        return reduceUserDataCompletions(&state, typed: typed, candidates: candidates)
    case let .scopesLoaded(scopes):
        return reduceScopesLoaded(&state, scopes)
    case let .scopesFailed(error):
        return reduceScopesFailed(&state, error)
    case let .scopeNotRemembered(why):
        state.flash = Flash(.error, why)
        return []
    case let .loginProbed(jobId, check, probe):
        return reduceLoginProbed(&state, jobId: jobId, check: check, probe: probe)
    case let .loginReported(jobId, check, report):
        return reduceLoginReported(&state, jobId: jobId, check: check, report: report)
    case let .knownHostsRead(jobId, target, result):
        return reduceKnownHostsRead(&state, jobId: jobId, target: target, result: result)
    case let .hostKeysRemoved(jobId, removal):
        return reduceHostKeysRemoved(&state, jobId: jobId, removal: removal)
    }
}

/// What the JOB column shows, server by server: a poll that changes nothing there re-sorts nothing.
private func listedJobStates(_ state: AppState) -> [String: String] {
    let context = ServerRowContext(jobs: state.jobs, images: [:], submissions: state.submissions)
    var labels = context.jobs.mapValues(statusLabel)
    for (id, mark) in context.submissions { labels[id] = mark.label }
    return labels
}

/// A fresh start: the first page of servers, the key pairs and, unless given, the IAM user id,
/// each marked as loading so the first frame says so.
package func startup(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = startListing(&state) + [.loadKeypairs(scope: state.journalScope)]
    // Jobs left unfinished by an earlier run (the journal) are followed again at once.
    for tracker in state.jobs where !tracker.isFinished {
        effects.append(.watchJob(tracker.entry))
    }
    var resumed: String?
    if !state.jobs.isEmpty {
        effects.append(.scheduleTick(after: .seconds(1)))
        resumed = "Resumed \(state.jobs.count) unfinished job(s) from the journal."
    }
    // Those of other scopes are followed once `:` switches there: said, so none is forgotten.
    let elsewhere = ScopeText.unfinishedElsewhere(state.journalElsewhere, currentRegion: state.region)
    if resumed != nil || elsewhere != nil {
        state.flash = Flash(.info, [resumed, elsewhere].compactMap(\.self).joined(separator: " "))
    }
    state.keypairs = .loading
    if state.userId == .notRequested {
        state.userId = .loading
        effects.append(.loadUserId)
    }
    return effects
}
