import Foundation

/// The jobs pane as the operator steers it: whether it has the keys, which job is selected,
/// whether that job's details are open, and which finished jobs were put away.
package struct JobsPaneState: Sendable, Equatable {
    /// `J` gave the pane the keys; `Esc` gives them back to the list.
    package var focused = false
    /// The selected job, by id, so a new job arriving does not move the selection.
    package var selectedJobId: String?
    package var detailsOpen = false
    /// The first shown line of the details, when they are taller than the terminal.
    package var detailsTop = 0
    /// Finished jobs dismissed with `d`: gone from the pane, still in the journal and history.
    package var dismissed: Set<String> = []
    /// `x` asked whether to remove the old host key entries of this job's server; the next key answers.
    package var hostKeyQuestion: String?

    package init() {}
}

extension AppState {
    /// The jobs the pane shows, in its order: running ones first, then finished; newest first in each.
    var paneJobs: [JobTracker] {
        let shown = jobs.reversed().filter { !jobsPane.dismissed.contains($0.jobId) }
        return shown.filter { !$0.isFinished } + shown.filter(\.isFinished)
    }

    /// The selected job's place in `paneJobs` (the first when the selection is gone).
    var selectedPaneIndex: Int? {
        let shown = paneJobs
        guard !shown.isEmpty else { return nil }
        return shown.firstIndex { $0.jobId == jobsPane.selectedJobId } ?? 0
    }

    /// The selected job (also the one the details show).
    var selectedPaneJob: JobTracker? {
        guard let index = selectedPaneIndex, paneJobs.indices.contains(index) else { return nil }
        return paneJobs[index]
    }
}
