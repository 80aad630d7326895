import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// A failed job's code and reason come from one place (`Job.failureCode`/`failureReason`, with the
/// sub-job fallback): `job --json`, the pane, the history and the journal say the same thing.
struct FailureWordingTests {
    /// FAIL with the code and reason only on the sub-job, as ECS sometimes answers.
    let failed = Job(
        jobId: "job-1", jobType: "rebuildServer", status: .fail, beginTime: "2025-01-01T08:00:01.000Z",
        endTime: "2025-01-01T08:01:10.000Z", errorCode: nil, failReason: nil,
        entities: .init(serverId: Fixtures.web.id, subJobsTotal: 1, subJobs: [.init(
            jobId: "sub-1", jobType: "rebuildSingleServer", status: .fail, beginTime: nil, endTime: nil,
            errorCode: "Ecs.0033", failReason: "the image is not available", serverId: Fixtures.web.id,
            errorcodeMessage: nil)]))

    @Test func jobJSONThePaneTheHistoryAndTheJournalGiveTheSameCodeAndReason() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(JobSummary(failed))) as? [String: Any]
        let code = try #require(json?["error_code"] as? String)
        let reason = try #require(json?["fail_reason"] as? String)
        #expect(code == "Ecs.0033")
        #expect(reason == "the image is not available")

        var state = Fixtures.loadedState(width: 140, height: 30)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        var driver = FollowDriver()
        let effects = driver.job(&state, failed)

        #expect(render(state).lines.joined(separator: "\n").contains("\(code): \(reason)"), "the pane")
        let journaled = effects.compactMap { if case let .recordJob(entry) = $0 { return entry } else { return nil } }
        #expect(journaled.map(\.errorCode) == [code], "the journal")
        #expect(journaled.map(\.failReason) == [reason])
        let history = try #require(state.history.last)
        #expect(history.errorCode == code && history.failReason == reason, "the history")
        #expect(state.flash?.text.contains("\(code): \(reason)") == true, "the message on the status line")
        _ = reduce(&state, .key(.character("h")))
        #expect(render(state).lines.joined(separator: "\n").contains("\(code): \(reason)"), "the history screen, in the same words")
    }
}
