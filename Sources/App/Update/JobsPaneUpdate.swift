import Foundation
import TerminalKit

/// `J` on the list: the pane takes the keys, the first job selected.
func focusJobsPane(_ state: inout AppState) -> [Effect] {
    state.jobsPane.focused = true
    if state.paneJobs.first(where: { $0.jobId == state.jobsPane.selectedJobId }) == nil {
        state.jobsPane.selectedJobId = state.paneJobs.first?.jobId
    }
    return []
}

/// Keys while the pane has them: move, open the details, dismiss a finished job, leave.
func reduceJobsPaneKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.jobsPane.detailsOpen { return reduceJobDetailsKey(&state, key) }
    let jobs = state.paneJobs
    let index = state.selectedPaneIndex ?? 0
    switch key {
    case .down, .character("j"): selectPaneJob(&state, jobs, index + 1)
    case .up, .character("k"): selectPaneJob(&state, jobs, index - 1)
    case .home, .character("g"): selectPaneJob(&state, jobs, 0)
    case .end, .character("G"): selectPaneJob(&state, jobs, jobs.count - 1)
    case .enter:
        state.jobsPane.detailsOpen = !jobs.isEmpty
        state.jobsPane.detailsTop = 0
    case .character("d"):
        dismissSelectedJob(&state, jobs, index)
    case .character("L"):
        openMessageLog(&state)
    case .escape, .character("J"), .character("q"):
        state.jobsPane.focused = false
    default:
        break
    }
    return []
}

private func selectPaneJob(_ state: inout AppState, _ jobs: [JobTracker], _ index: Int) {
    guard !jobs.isEmpty else { return }
    state.jobsPane.selectedJobId = jobs[min(max(0, index), jobs.count - 1)].jobId
}

/// A finished job leaves the pane (the journal and history keep it); a running one stays.
private func dismissSelectedJob(_ state: inout AppState, _ jobs: [JobTracker], _ index: Int) {
    guard jobs.indices.contains(index) else { return }
    let job = jobs[index]
    guard job.isFinished else {
        state.flash = Flash(.error, "Job of \(TerminalText.visible(job.serverName)) is still running: only a finished job can be dismissed.")
        return
    }
    state.jobsPane.dismissed.insert(job.jobId)
    let rest = state.paneJobs
    if rest.isEmpty {
        state.jobsPane.focused = false
        state.jobsPane.selectedJobId = nil
    } else {
        state.jobsPane.selectedJobId = rest[min(index, rest.count - 1)].jobId
    }
}

/// The details are read-only: they scroll when taller than the terminal; these keys close them.
private func reduceJobDetailsKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    var top = state.jobsPane.detailsTop
    switch key {
    case .escape, .enter, .character("q"):
        state.jobsPane.detailsOpen = false
        return []
    case .down, .character("j"): top += 1
    case .up, .character("k"): top -= 1
    case .pageDown, .character(" "): top += JobDetailsView.rows(state)
    case .pageUp: top -= JobDetailsView.rows(state)
    default: break
    }
    state.jobsPane.detailsTop = min(max(0, top), JobDetailsView.maxTop(state))
    return []
}
