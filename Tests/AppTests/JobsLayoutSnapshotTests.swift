import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

/// Jobs never cover the form or its review; the pane uses free rows; messages are whole.
struct JobsLayoutSnapshotTests {
    /// Three jobs on the other servers: one running, one failed with a long reason, one just submitted.
    static func addThreeJobs(_ state: inout AppState) {
        for (id, server) in [("job-win", Fixtures.windows), ("job-db", Fixtures.database), ("job-nd", Fixtures.noDisk)] {
            _ = reduce(&state, .reinstallAccepted(jobId: id, serverId: server.id, serverName: server.name,
                                                   api: .v2, at: Fixtures.now))
        }
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(75)))
        var driver = FollowDriver()
        _ = driver.job(&state, Job(
            jobId: "job-db", jobType: "rebuildServer", status: .running, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: nil, errorCode: nil, failReason: nil,
            entities: .init(serverId: Fixtures.database.id, subJobsTotal: 1, subJobs: [])))
        _ = driver.job(&state, Job(
            jobId: "job-win", jobType: "rebuildServer", status: .fail, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: "2025-01-01T08:01:10.000Z", errorCode: "Ecs.1002", failReason: longReason,
            entities: .init(serverId: Fixtures.windows.id, subJobsTotal: 1, subJobs: [.init(
                jobId: "sub-1", jobType: "rebuildSingleServer", status: .fail, beginTime: nil, endTime: nil,
                errorCode: "Ecs.1002", failReason: longReason, errorcodeMessage: "rebuild timed out")])))
    }

    static let longReason = "OpenStack timeout while attaching the system disk volume 7d1c0a52-0b8e-4c1f-9a3e-2f6b5d4c3a21 "
        + "to the rebuilt instance; the volume stayed in attaching state for 600 seconds and the compute node gave up"

    private func formWithJobs(width: Int, height: Int) -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        Self.addThreeJobs(&state)
        FormKeys.focus(.submit, in: &state)
        return state
    }

    @Test(arguments: [(80, 24), (60, 16)])
    func threeJobsGiveWayToTheForm(width: Int, height: Int) {
        let screen = render(formWithJobs(width: width, height: height))
        assertSnapshot(screen, named: "form-three-jobs-\(width)x\(height)")
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("[ Reinstall web-01 ]"), "the button stays on screen")
        #expect(text.contains("Enter: review what"), "the button's status line stays on screen")
        #expect(text.contains("2 jobs running · 1 failed"))
        #expect(!text.contains("Jobs "), "no pane over the form")
    }

    @Test(arguments: [(80, 24), (60, 16)])
    func threeJobsGiveWayToTheReviewAndItsError(width: Int, height: Int) {
        var state = formWithJobs(width: width, height: height)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        FormKeys.type("web-02", into: &state)
        _ = reduce(&state, .key(.enter))
        let screen = render(state)
        assertSnapshot(screen, named: "review-three-jobs-\(width)x\(height)")
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("That is neither the server's name nor its id"))
        #expect(text.contains("[web-02"))
        #expect(text.contains("2 jobs running · 1 failed"))
    }

    /// Typing at 60×16 moves through the form: each focused field is in view, none is drawn over.
    @Test func everyFieldOfTheFormIsReachableAt60x16() {
        var state = formWithJobs(width: 60, height: 16)
        let layout = Layout(state)
        for _ in 0..<12 {
            _ = reduce(&state, .key(.tab))
            let screen = render(state)
            let body = layout.bodyTop..<(layout.bodyTop + layout.bodyHeight)
            let leftColumn = state.form.map { FormWindow.leftColumn($0, width: state.size.width) } ?? 0
            let focused = body.contains { y in (0..<leftColumn).contains { screen[$0, y].style.reverse } }
            #expect(focused || screen.cursor.map { body.contains($0.y) } == true, "\(state.form?.focus as Any)")
        }
    }

    /// No form: the pane grows into the rows the short list leaves, running jobs first.
    @Test func thePaneUsesTheFreeRows() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        Self.addThreeJobs(&state)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-web", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v1, at: Fixtures.now.addingTimeInterval(10)))
        _ = reduce(&state, .reinstallAccepted(jobId: "job-lk", serverId: Fixtures.locked.id, serverName: "batch-locked",
                                               api: .v1, at: Fixtures.now.addingTimeInterval(20)))
        let screen = render(state)
        assertSnapshot(screen, named: "job-pane-grows-100x30")
        let text = screen.lines.joined(separator: "\n")
        #expect(!text.contains("older"))
        let paneTop = screen.lines.firstIndex { $0.hasPrefix("── Jobs") } ?? 0
        let rows = ["batch-locked", "web-01", "scratch-nodisk", "数据库-主节点", "win-ad-01"].map { name in
            screen.lines[paneTop...].firstIndex { $0.hasPrefix(" \(name) ") } ?? -1
        }
        #expect(rows == rows.sorted() && !rows.contains(-1), "running newest first, then the failed one: \(rows)")
    }

    /// J focuses the pane: the selection is reversed, Enter opens the whole failure.
    @Test func theFocusedPaneSelectsAndOpensDetails() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        Self.addThreeJobs(&state)
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.down))
        #expect(state.jobsPane.selectedJobId == "job-win")
        let focused = render(state)
        assertSnapshot(focused, named: "job-pane-focused-100x30")
        let row = focused.lines.lastIndex { $0.contains("win-ad-01") && $0.contains("FAIL") } ?? 0
        #expect(focused[2, row].style.reverse, "the selected job is reversed")
        _ = reduce(&state, .key(.enter))
        let details = render(state)
        assertSnapshot(details, named: "job-details-100x30")
        let text = details.lines.joined(separator: " ").replacingOccurrences(of: "│", with: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(text.contains("compute node gave up"), "the reason is whole")
        #expect(text.contains("sub-1"))
        _ = reduce(&state, .key(.escape))
        #expect(!state.jobsPane.detailsOpen && state.jobsPane.focused)
        _ = reduce(&state, .key(.escape))
        #expect(!state.jobsPane.focused)
    }

    /// At 60×16 the details are taller than the terminal: they scroll to the end of the reason.
    @Test func detailsScrollOnASmallTerminal() {
        var state = Fixtures.loadedState(width: 60, height: 16)
        Self.addThreeJobs(&state)
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.character("G")))
        _ = reduce(&state, .key(.enter))
        #expect(render(state).lines.joined().contains("lines 1–12 of"))
        for _ in 0..<40 { _ = reduce(&state, .key(.down)) }
        #expect(state.jobsPane.detailsTop == JobDetailsView.maxTop(state) && state.jobsPane.detailsTop > 0)
        let screen = render(state)
        assertSnapshot(screen, named: "job-details-scrolled-60x16")
        #expect(screen.lines.joined(separator: " ").contains("finishes"), "the end of the hint is reachable")
    }

    /// A throttled first listing: the error is wrapped whole in the list and in the flash.
    @Test func aLoadErrorIsReadInFull() {
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: 60, height: 16), now: Fixtures.now)
        _ = startup(&state)
        let throttled = CloudError.api(status: 429, code: "APIGW.0308",
                                       message: "The throttling threshold has been reached: policy user over ratelimit, limit:50, time:1 minute",
                                       requestId: "5a6b7c8d-0000-4e5f-9a8b-7c6d5e4f3a2b")
        _ = reduce(&state, .serverListingFailed(generation: 1, throttled))
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("throttling requests; wait and retry"), "the list's message is whole: \(text)")
        #expect(text.contains("(L on the list: the whole message)"), "the flash says where the rest is")
        #expect(state.messages.entries.last?.text.hasSuffix("wait and retry (retried in 2 s; r retries now)") == true)
    }

    /// A long failure wraps in the flash (up to four lines) and the log keeps it whole, newest first.
    @Test func messagesAreWrappedAndLogged() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        Self.addThreeJobs(&state)
        let screen = render(state)
        assertSnapshot(screen, named: "flash-wrapped-80x24")
        #expect(screen.lines.joined(separator: " ").contains("node gave up"), "wrapped, not cut")
        _ = reduce(&state, .key(.character("L")))
        let log = render(state)
        assertSnapshot(log, named: "message-log-80x24")
        let text = log.lines.joined(separator: "\n")
        #expect(text.contains("Messages, newest first"))
        let failed = log.lines.firstIndex { $0.contains("failed") } ?? -1
        let submitted = log.lines.firstIndex { $0.contains("submitted") } ?? -1
        #expect(failed >= 0 && failed < submitted, "newest first")
        _ = reduce(&state, .key(.escape))
        #expect(!state.messages.isOpen)
    }
}
