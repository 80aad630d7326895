import TerminalKit

/// `q` on the list. With reinstalls still running in the cloud it asks once, on the flash line,
/// since leaving does not stop them; without any it quits at once.
func requestQuit(_ state: inout AppState) -> [Effect] {
    let running = reinstallsInTheCloud(state)
    guard running > 0 else {
        state.quitRequested = true
        return []
    }
    state.askingToQuit = true
    state.flash = Flash(.error, ExitSummary.question(running: running, mode: state.mode))
    return []
}

/// The answer to the quit question: `y` (or `q`/`Q` again, which must not ask twice) quits; any
/// other key keeps the UI open and does nothing else, so a stray key cannot act by surprise.
func answerQuitQuestion(_ state: inout AppState, _ key: Key) -> [Effect] {
    // A wheel turn is not an answer.
    if case .mouse = key { return [] }
    state.askingToQuit = false
    state.flash = nil
    if [.character("y"), .character("Y"), .character("q"), .character("Q")].contains(key) {
        state.quitRequested = true
    }
    return []
}

/// While the question is open it stays on the flash line (news of a job must not hide it), with
/// the count as it is now; once no reinstall runs any more there is nothing left to ask.
func keepQuitQuestion(_ state: inout AppState) {
    guard state.askingToQuit else { return }
    let running = reinstallsInTheCloud(state)
    if running == 0 {
        state.askingToQuit = false
        // Only the question goes: a job's last news that replaced it stays.
        if state.flash?.text.hasSuffix("Quit? y/N") == true { state.flash = nil }
        return
    }
    state.flash = Flash(.error, ExitSummary.question(running: running, mode: state.mode))
}

/// A signal while a reinstall's POST is on its way: the answer is awaited (cut off, the POST's
/// outcome would be unclear), and the screen says so; a second signal leaves at once.
func reduceSignalWhileSending(_ state: inout AppState) -> [Effect] {
    guard state.isSending else {
        state.quitRequested = true
        return []
    }
    state.leavingOnceAnswered = true
    state.askingToQuit = false
    let names = state.submissions.values.filter { $0.phase == .submitting }.map(\.serverName).sorted()
    let what = names.count == 1 ? "the reinstall of \(names[0])" : "\(names.count) reinstalls"
    state.flash = Flash(.error, "Leaving once the cloud has answered \(what) (cut off, its outcome would be unclear). "
                            + "Ctrl-C again leaves now.")
    return []
}

/// Leaves once the reinstalls being sent when a signal came have been answered.
func leaveIfAnswered(_ state: inout AppState) {
    if state.leavingOnceAnswered && !state.isSending { state.quitRequested = true }
}

/// Reinstalls the cloud may still be working on: jobs not seen to their end, and those whose
/// answer was unclear or that started without a job id (`SubmissionMark`).
private func reinstallsInTheCloud(_ state: AppState) -> Int {
    ExitSummary.runningJobs(state.jobs).count + state.submissions.values.filter { $0.phase != .submitting }.count
}
