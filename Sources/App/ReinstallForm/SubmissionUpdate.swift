import Foundation
import HuaweiCloud
import Reinstall

/// Marks the server as being submitted: the list shows it and refuses a second reinstall of it,
/// whether or not the operator keeps the form open.
func markSubmitting(_ state: inout AppState, _ plan: ReinstallPlan) {
    var mark = SubmissionMark(serverId: plan.serverId, serverName: plan.serverName, phase: .submitting, since: state.now)
    mark.statusBefore = state.form.flatMap { $0.server.id == plan.serverId ? $0.server.status : nil }
    state.submissions[plan.serverId] = mark
}

/// A refused or not-started submission: safe to send again, so the mark goes.
func reduceReinstallFailed(_ state: inout AppState, serverId: String, message: String) -> [Effect] {
    state.submissions[serverId] = nil
    guard state.form?.server.id == serverId else {
        // The operator is elsewhere (the list, another server's form): news, never a focus change.
        state.flash = Flash(.error, message)
        return []
    }
    reduceFormSubmitFailed(&state, message: message)
    return []
}

/// No clear answer: the POST may have reached the cloud. Nothing may be sent to this server until
/// its status shows whether a reinstall started, so the mark stays (the list refuses Enter, the
/// form is disarmed), the whole advice stays on screen, and the server is re-read periodically.
func reduceReinstallUnclear(_ state: inout AppState, serverId: String, advice: String, started: Bool, at: Date) -> [Effect] {
    state.now = max(state.now, at)
    let name = state.submissions[serverId]?.serverName
        ?? state.servers.catalog.server(id: serverId)?.name ?? state.form?.server.name ?? serverId
    var mark = SubmissionMark(
        serverId: serverId, serverName: name, phase: started ? .started : .unclear, since: at, advice: advice)
    mark.statusBefore = state.submissions[serverId]?.statusBefore
    state.submissions[serverId] = mark
    // Whole in the log too: on a short screen the notice lines may not hold it.
    state.messages.record(Flash(.error, "\(name): \(advice)"), at: at)
    if state.form?.server.id == serverId {
        // Back to the fields, disarmed: the review refuses while the mark stands.
        reduceFormSubmitFailed(&state, message: advice)
    } else {
        state.flash = Flash(.error, "Reinstall of \(name): no clear answer; see the notice above.")
    }
    return [.watchSubmittedServer(id: serverId, after: SubmissionMark.watchInterval)]
}

/// A watched server, read again: its status decides whether the reinstall started.
func reduceSubmittedServerRead(_ state: inout AppState, id: String, check: ServerCheck, at: Date) -> [Effect] {
    state.now = max(state.now, at)
    guard var mark = state.submissions[id], mark.phase != .submitting else { return [] }
    let again: [Effect] = [.watchSubmittedServer(id: id, after: SubmissionMark.watchInterval)]
    switch check {
    case .unknown:
        return again
    case .gone:
        state.submissions[id] = nil
        state.flash = Flash(.error, "\(mark.serverName) no longer exists; it is no longer watched.")
        return []
    case let .found(server):
        if state.servers.catalog.index(of: server.id) != nil {
            state.servers.catalog.upsert([server], context: ServerRowContext(state))
        }
        mark.lastSeen = server.statusText
        let rebuilding = server.showsReinstallUnderWay
        switch mark.phase {
        case .unclear where rebuilding:
            mark.phase = .started
            mark.since = at
            mark.advice = "The reinstall of \(mark.serverName) started (the server shows \(server.statusText)); "
                + "its job id is unknown, so the server is followed until it leaves REBUILD. Do not send it again."
            state.submissions[id] = mark
            return again
        case .unclear where server.taskState == nil && (mark.statusBefore.map { $0 == server.status } ?? true)
            && at.timeIntervalSince(mark.since) >= SubmissionMark.unclearWindow:
            state.submissions[id] = nil
            rearmForm(&state, id)
            state.flash = Flash(.info, "\(mark.serverName) shows no reinstall \(Int(SubmissionMark.unclearWindow / 60)) minutes "
                + "after the unclear answer (\(server.statusText)): it did not start; it may be sent again.")
            return []
        case .started where server.hasSettledAfterReinstall:
            state.submissions[id] = nil
            rearmForm(&state, id)
            state.flash = Flash(.info, "Reinstall of \(mark.serverName) done (\(server.statusText)): "
                + "the key or password is injected a few minutes after boot.")
            return refreshUnlessTyping(&state)
        default:
            state.submissions[id] = mark
            return again
        }
    }
}

/// The server's form, if open, no longer shows the advice that disarmed it.
private func rearmForm(_ state: inout AppState, _ serverId: String) {
    guard state.form?.server.id == serverId else { return }
    state.form?.error = nil
}

/// The whole advice of every unclear submission, for the notice lines above the flash.
func submissionAdvice(_ state: AppState) -> [String] {
    state.submissions.values
        .filter { $0.advice != nil }
        .sorted { $0.since < $1.since }
        .map { mark in
            let seen = mark.lastSeen.map { " Last read: \($0)." } ?? ""
            return "\(mark.serverName) \(mark.label): \(mark.advice ?? "")\(seen)"
        }
}
