import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

/// A listing that stops at a failed page says so, and is retried with back-off until complete.
/// Time is driven by the test: the retry's timer is an effect, its firing an event.
struct PartialListTests {
    static let busy = CloudError.api(status: 500, code: "Common.0500", message: "internal error", requestId: "r-9")

    static func servers(_ range: Range<Int>) -> [Server] {
        range.map { Fixtures.server("s-\($0)", "node-\($0)", ip: "10.0.\($0 / 250).\($0 % 250 + 1)") }
    }

    /// The first listing delivers 600 of 2,000 servers, then a page fails.
    static func stoppedState(width: Int = 100) -> (AppState, [Effect]) {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: width, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 2000, servers: servers(0..<600))))
        let effects = reduce(&state, .serverListingFailed(generation: 1, busy))
        return (state, effects)
    }

    @Test func theTitleSaysHowManyOfHowManyAndThatLoadingStopped() {
        let (state, effects) = Self.stoppedState()
        #expect(effects == [.scheduleListRetry(after: .seconds(2))])
        #expect(state.servers.loadingStopped)
        #expect(render(state).lines[1].contains("Servers 600 of 2,000 — loading stopped, r retries"), "\(render(state).lines[1])")
        #expect(state.flash?.text.contains("stopped at 600 of 2,000") == true)
        #expect(state.flash?.text.contains("Common.0500") == true)
    }

    @Test func retriesBackOffFromTwoSecondsToAMinute() {
        var (state, effects) = Self.stoppedState()
        var delays: [Duration] = []
        for _ in 0..<7 {
            guard case let .scheduleListRetry(delay) = effects.first else {
                Issue.record("no retry scheduled: \(effects)")
                return
            }
            delays.append(delay)
            let listing = reduce(&state, .listRetryDue)
            #expect(listing == [.listServers(generation: state.servers.generation)])
            #expect(render(state).lines[1].contains("600/2,000 loading…"), "the rows loaded stay while it retries")
            effects = reduce(&state, .serverListingFailed(generation: state.servers.generation, Self.busy))
        }
        #expect(delays == [2, 4, 8, 16, 32, 60, 60].map { .seconds($0) })
    }

    /// A refusal says the same on every try: no timer, `r` once fixed.
    @Test func aRefusedPageIsNotRetriedByItself() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 2000, servers: Self.servers(0..<600))))
        let refused = CloudError.api(status: 403, code: "Ecs.0110", message: "policy doesn't allow", requestId: nil)
        let effects = reduce(&state, .serverListingFailed(generation: 1, refused))
        #expect(effects.isEmpty, "\(effects)")
        #expect(state.servers.loadingStopped)
        #expect(state.flash?.text.contains("r retries") == true)
    }

    /// The timer's retry waits while a form is open, like any refresh the operator did not ask for.
    @Test func theRetryWaitsWhileAFormIsOpen() {
        var (state, _) = Self.stoppedState()
        _ = reduce(&state, .key(.enter))
        #expect(state.form != nil)
        #expect(reduce(&state, .listRetryDue).isEmpty)
        #expect(state.servers.refreshPending)
    }

    @Test func aCompleteRetryEndsTheBackOffAndTheNote() {
        var (state, _) = Self.stoppedState()
        _ = reduce(&state, .listRetryDue)
        let generation = state.servers.generation
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 2000, servers: Self.servers(0..<2000))))
        _ = reduce(&state, .serverListingFinished(generation: generation, at: Fixtures.now))
        #expect(!state.servers.loadingStopped)
        #expect(state.servers.failedListings == 0)
        #expect(render(state).lines[1].contains("Servers 2,000 servers"))
        #expect(reduce(&state, .listRetryDue) == [], "a retry timer left over lists nothing")
    }

    @Test func rRetriesAtOnceAndTheTimerThenDoesNothing() {
        var (state, _) = Self.stoppedState()
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: 2)])
        #expect(reduce(&state, .listRetryDue) == [], "the listing already runs")
    }

    @Test func theFilterSaysTheListIsIncomplete() {
        var (state, _) = Self.stoppedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "web" { _ = reduce(&state, .key(.character(character))) }
        let lines = render(state).lines
        #expect(lines[1].contains("0 match among the 600 loaded of 2,000"), "\(lines[1])")
        #expect(lines.joined().contains("No server matches “web” among the 600 loaded of 2,000. Esc clears the filter."))
    }

    @Test func aRefreshThatFailsPartWayKeepsTheCompleteListAsItWas() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 5, servers: [Fixtures.web])))
        #expect(reduce(&state, .serverListingFailed(generation: 2, Self.busy)) == [])
        #expect(!state.servers.loadingStopped, "the rows of the last complete listing are all there")
        #expect(render(state).lines[1].contains("5 servers"))
    }

    @Test func aListRefusedForTheKeysIsNotRetried() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 2000, servers: Self.servers(0..<100))))
        let refused = CloudError.api(status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information",
                                     requestId: nil)
        #expect(reduce(&state, .serverListingFailed(generation: 1, refused)) == [])
        #expect(reduce(&state, .listRetryDue) == [])
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (2000, "2,000"), (1_234_567, "1,234,567")])
    func countsAreGroupedByThousands(count: Int, text: String) {
        #expect(grouped(count) == text)
    }
}
