import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// `q` with reinstalls still running in the cloud asks once; `y` quits, anything else stays.
struct QuitQuestionTests {
    private func withRunningJobs(_ count: Int) -> AppState {
        var state = Fixtures.loadedState(width: 100, height: 30)
        for index in 0..<count {
            state.jobs.append(JobTracker(jobId: "job-\(index)", serverId: "s-\(index)", serverName: "web-0\(index)",
                                         api: .v2, scope: state.journalScope, submittedAt: Fixtures.now))
        }
        return state
    }

    @Test func withoutRunningJobsQQuitsAtOnce() {
        var state = withRunningJobs(0)
        _ = reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
        #expect(!state.askingToQuit)
    }

    @Test func withRunningJobsQAsksOnceWithTheCount() {
        var state = withRunningJobs(2)
        _ = reduce(&state, .key(.character("q")))
        #expect(!state.quitRequested)
        #expect(state.askingToQuit)
        let question = "2 reinstalls are still running in the simulated cloud, which ends with the UI. Quit? y/N"
        #expect(state.flash?.text == question)
        #expect(render(state).lines.contains { $0.contains("Quit? y/N") })
    }

    @Test(arguments: ["y", "Y", "q", "Q"])
    func yesOrASecondQuitQuits(answer: Character) {
        var state = withRunningJobs(1)
        _ = reduce(&state, .key(.character("q")))
        _ = reduce(&state, .key(.character(answer)))
        #expect(state.quitRequested)
    }

    @Test(arguments: [Key.character("n"), .enter, .escape, .character("j")])
    func anyOtherKeyStaysAndDoesNothingElse(answer: Key) {
        var state = withRunningJobs(1)
        let selected = state.servers.selectedId
        _ = reduce(&state, .key(.character("q")))
        _ = reduce(&state, .key(answer))
        #expect(!state.quitRequested)
        #expect(!state.askingToQuit)
        #expect(state.flash == nil)
        #expect(state.form == nil, "Enter answered the question; it did not open the form")
        #expect(state.servers.selectedId == selected)
        _ = reduce(&state, .key(.character("q")))
        #expect(state.askingToQuit, "a later q asks again")
    }

    @Test func capitalQQuitsWithoutAsking() {
        var state = withRunningJobs(3)
        _ = reduce(&state, .key(.character("Q")))
        #expect(state.quitRequested)
    }

    @Test func theQuestionStaysOverNewsAndGoesWhenNoJobRunsAnyMore() {
        var state = withRunningJobs(2)
        state.mode = .real
        _ = reduce(&state, .key(.character("q")))
        _ = reduce(&state, .journalFailed("disk full"))
        #expect(state.flash?.text == "2 reinstalls are still running in the cloud; quitting does not stop them. Quit? y/N")
        state.jobs[0].finishedAt = Fixtures.now
        _ = reduce(&state, .tick(Fixtures.now))
        #expect(state.flash?.text.hasPrefix("1 reinstall is still running") == true)
        state.jobs[1].finishedAt = Fixtures.now
        _ = reduce(&state, .tick(Fixtures.now))
        #expect(!state.askingToQuit)
        #expect(state.flash == nil)
    }

    @Test func theHelpListsBothQuitKeys() {
        var state = withRunningJobs(0)
        _ = reduce(&state, .key(.character("?")))
        let lines = render(state).lines
        #expect(lines.contains { $0.contains("quit (asks while reinstalls still run)") })
        #expect(lines.contains { $0.contains("quit without asking") })
    }
}
