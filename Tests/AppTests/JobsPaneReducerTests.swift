import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

/// The pane's keys and the message log, in the reducer.
struct JobsPaneReducerTests {
    private func stateWithJobs() -> AppState {
        var state = Fixtures.loadedState(width: 100, height: 30)
        JobsLayoutSnapshotTests.addThreeJobs(&state)
        return state
    }

    @Test func runningJobsComeFirstThenFinished() {
        let state = stateWithJobs()
        #expect(state.paneJobs.map(\.jobId) == ["job-nd", "job-db", "job-win"])
    }

    @Test func jWithoutJobsExplainsItself() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        _ = reduce(&state, .key(.character("J")))
        #expect(!state.jobsPane.focused)
        #expect(state.flash?.text == "no jobs yet")
    }

    @Test func selectionStopsAtTheEnds() {
        var state = stateWithJobs()
        _ = reduce(&state, .key(.character("J")))
        #expect(state.jobsPane.selectedJobId == "job-nd")
        _ = reduce(&state, .key(.up))
        #expect(state.jobsPane.selectedJobId == "job-nd")
        for _ in 0..<5 { _ = reduce(&state, .key(.down)) }
        #expect(state.jobsPane.selectedJobId == "job-win")
    }

    @Test func onlyAFinishedJobIsDismissedAndTheHistoryKeepsIt() {
        var state = stateWithJobs()
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.character("d")))
        #expect(state.paneJobs.count == 3, "a running job stays")
        #expect(state.flash?.kind == .error)
        _ = reduce(&state, .key(.character("G")))
        _ = reduce(&state, .key(.character("d")))
        #expect(state.paneJobs.map(\.jobId) == ["job-nd", "job-db"])
        #expect(state.jobsPane.selectedJobId == "job-db")
        #expect(state.history.contains { $0.jobId == "job-win" })
        #expect(state.jobs.contains { $0.jobId == "job-win" }, "still followed data, only hidden from the pane")
    }

    @Test func listKeysDoNotReachTheListWhileThePaneHasThem() {
        var state = stateWithJobs()
        let selected = state.servers.selectedId
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.down))
        #expect(state.servers.selectedId == selected)
        _ = reduce(&state, .key(.enter))
        #expect(state.form == nil && state.jobsPane.detailsOpen)
    }

    @Test func everyFlashIsLoggedOnceWithItsTime() {
        var state = stateWithJobs()
        let texts = state.messages.entries.map(\.text)
        #expect(texts.count == 4, "\(texts)")
        #expect(texts.last?.contains(JobsLayoutSnapshotTests.longReason) == true)
        _ = reduce(&state, .journalFailed("the journal could not be written"))
        #expect(state.messages.entries.last?.text == "the journal could not be written")
        #expect(state.messages.entries.last?.at == state.now)
    }

    @Test func theLogScrollsWithinWhatItHas() {
        var state = stateWithJobs()
        state.size = TerminalSize(width: 60, height: 16)
        for n in 0..<30 { _ = reduce(&state, .journalFailed("problem \(n)")) }
        _ = reduce(&state, .key(.character("L")))
        _ = reduce(&state, .key(.up))
        #expect(state.messages.top == 0)
        _ = reduce(&state, .key(.end))
        let bottom = state.messages.top
        #expect(bottom == MessageLogView.maxTop(state) && bottom > 0)
        _ = reduce(&state, .key(.pageDown))
        #expect(state.messages.top == bottom)
    }
}
