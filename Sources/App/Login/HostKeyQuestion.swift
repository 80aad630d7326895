import TerminalKit

/// `x`'s question, on the flash line: whether to remove the old host key entries of the selected
/// job's server; the next key answers it.
func askToRemoveHostKeys(_ state: inout AppState) -> [Effect] {
    guard let job = state.selectedPaneJob, job.login?.oldEntries != nil else { return [] }
    state.jobsPane.hostKeyQuestion = job.jobId
    // The question and its keys are on the flash and footer rows, which the details cover.
    state.jobsPane.detailsOpen = false
    keepHostKeyQuestion(&state)
    return []
}

/// `y` removes; any other key keeps the entries and does nothing else.
func answerHostKeyQuestion(_ state: inout AppState, _ key: Key) -> [Effect] {
    if case .mouse = key { return [] }
    guard let jobId = state.jobsPane.hostKeyQuestion else { return [] }
    state.jobsPane.hostKeyQuestion = nil
    state.flash = nil
    guard key == .character("y") || key == .character("Y"),
          let index = state.jobs.firstIndex(where: { $0.jobId == jobId }),
          let findings = state.jobs[index].login?.oldEntries
    else { return [] }
    state.jobs[index].login?.removal = .running
    return [.removeHostKeys(jobId: jobId, findings)]
}

/// While the question is open it stays on the flash line (a job's news must not hide it); once
/// there is nothing left to remove, there is nothing to ask. The quit question and the notice
/// that the app leaves once the cloud has answered come first: the removal question waits under
/// the quit question, and is dropped when the app is leaving, so a key cannot answer a question
/// that is not on screen.
func keepHostKeyQuestion(_ state: inout AppState) {
    guard let jobId = state.jobsPane.hostKeyQuestion else { return }
    if state.leavingOnceAnswered { state.jobsPane.hostKeyQuestion = nil }
    if state.askingToQuit || state.leavingOnceAnswered { return }
    guard let findings = state.jobs.first(where: { $0.jobId == jobId })?.login?.oldEntries else {
        state.jobsPane.hostKeyQuestion = nil
        if state.flash?.text.hasSuffix(LoginWording.questionEnd) == true { state.flash = nil }
        return
    }
    state.flash = Flash(.error, LoginWording.removalQuestion(findings))
}
