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

/// Keys while the pane has them: its actions, or the open details' (`JobsActions`); others do nothing.
func reduceJobsPaneKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let actions = state.jobsPane.detailsOpen ? JobDetailsActions.all : JobsPaneActions.all
    return actions.dispatch(key, &state) ?? []
}

/// Moves the selection by the key's step (↑↓ jk, to the ends with g G).
@Sendable func selectPaneJob(_ state: inout AppState, _ key: Key) -> [Effect] {
    let jobs = state.paneJobs
    guard !jobs.isEmpty else { return [] }
    let index = state.selectedPaneIndex ?? 0
    let target: Int
    switch key {
    case .down, .character("j"): target = index + 1
    case .up, .character("k"): target = index - 1
    case .home, .character("g"): target = 0
    case .end, .character("G"): target = jobs.count - 1
    default: return []
    }
    state.jobsPane.selectedJobId = jobs[min(max(0, target), jobs.count - 1)].jobId
    return []
}

func openJobDetails(_ state: inout AppState) -> [Effect] {
    state.jobsPane.detailsOpen = !state.paneJobs.isEmpty
    state.jobsPane.detailsTop = 0
    return []
}

/// A finished job leaves the pane (the journal and history keep it); `JobsPaneActions` refuses a running one.
func dismissSelectedJob(_ state: inout AppState) -> [Effect] {
    let jobs = state.paneJobs
    let index = state.selectedPaneIndex ?? 0
    guard jobs.indices.contains(index), jobs[index].isFinished else { return [] }
    state.jobsPane.dismissed.insert(jobs[index].jobId)
    // Out of sight, its login check has no one to tell: it stops.
    let stop: [Effect] = jobs[index].login?.isChecking == true ? [.stopLoginProbe(jobId: jobs[index].jobId)] : []
    let rest = state.paneJobs
    if rest.isEmpty {
        state.jobsPane.focused = false
        state.jobsPane.selectedJobId = nil
    } else {
        state.jobsPane.selectedJobId = rest[min(index, rest.count - 1)].jobId
    }
    return stop
}

/// Scrolls the details by the key's step; `detailsTop` is clamped to what there is.
@Sendable func scrollJobDetails(_ state: inout AppState, _ key: Key) -> [Effect] {
    var top = state.jobsPane.detailsTop
    switch key {
    case .down, .character("j"): top += 1
    case .up, .character("k"): top -= 1
    case .pageDown, .character(" "): top += JobDetailsView.rows(state)
    case .pageUp: top -= JobDetailsView.rows(state)
    default: break
    }
    state.jobsPane.detailsTop = min(max(0, top), JobDetailsView.maxTop(state))
    return []
}
