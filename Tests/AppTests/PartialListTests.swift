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

    /// The first listing delivers 600 of 2,000 servers (six pages of 100), then page 7 fails.
    static func stoppedState(width: Int = 100) -> (AppState, [Effect]) {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: width, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        for page in 0..<6 {
            _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 2000, servers: servers(page * 100..<page * 100 + 100))))
        }
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
            #expect(listing == [.listServers(generation: state.servers.generation, fromPage: 7)], "the pages loaded are not asked again")
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
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 2000, servers: Self.servers(600..<2000))))
        _ = reduce(&state, .serverListingFinished(generation: generation, at: Fixtures.now))
        #expect(!state.servers.loadingStopped)
        #expect(state.servers.failedListings == 0)
        #expect(render(state).lines[1].contains("Servers 2,000 servers"))
        #expect(reduce(&state, .listRetryDue) == [], "a retry timer left over lists nothing")
    }

    @Test func rRetriesAtOnceAndTheTimerThenDoesNothing() {
        var (state, _) = Self.stoppedState()
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: 2, fromPage: 7)])
        #expect(reduce(&state, .listRetryDue) == [], "the listing already runs")
    }

    @Test func theFilterSaysTheListIsIncomplete() {
        var (state, _) = Self.stoppedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "web" { _ = reduce(&state, .key(.character(character))) }
        let lines = render(state).lines
        #expect(lines[1].contains("no match among the 600 loaded of 2,000"), "\(lines[1])")
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

    /// The resumed listing's pages join the rows loaded: nothing loaded before is dropped as
    /// missed, and a listing after it starts again from page 1.
    @Test func aResumedListingKeepsWhatWasLoadedAndTheNextOneStartsAfresh() {
        var (state, _) = Self.stoppedState()
        let resumed = reduce(&state, .listRetryDue)
        #expect(resumed == [.listServers(generation: 2, fromPage: 7)])
        for page in 6..<20 {
            _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 2000, servers: Self.servers(page * 100..<page * 100 + 100))))
        }
        let checks = reduce(&state, .serverListingFinished(generation: 2, at: Fixtures.now))
        #expect(!checks.contains { if case .checkServer = $0 { true } else { false } }, "no server is missed: \(checks)")
        #expect(state.servers.catalog.count == 2000)
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: 3)])
    }

    /// Nothing loaded yet and a failure that may pass: retried with the same back-off; a refusal
    /// is left to `r`; the retry waits while the filter is typed.
    @Test func aFailedFirstPageIsRetriedWithBackOffUnlessRefused() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        var delays: [Duration] = []
        for _ in 0..<3 {
            let effects = reduce(&state, .serverListingFailed(generation: state.servers.generation, Self.busy))
            guard case let .scheduleListRetry(delay) = effects.first else {
                Issue.record("no retry scheduled: \(effects)")
                return
            }
            delays.append(delay)
            #expect(state.flash?.text.contains("retried in \(delay.components.seconds) s; r retries now") == true)
            #expect(render(state).lines.joined().contains("Retried by itself with back-off"))
            #expect(reduce(&state, .listRetryDue) == [.listServers(generation: state.servers.generation)])
        }
        #expect(delays == [2, 4, 8].map { .seconds($0) })

        for transient in [CloudError.api(status: 429, code: "APIGW.0308", message: "throttled", requestId: nil),
                          .transport("the connection was reset")] {
            #expect(reduce(&state, .serverListingFailed(generation: state.servers.generation, transient)).count == 1)
            _ = reduce(&state, .listRetryDue)
        }

        let refused = CloudError.api(status: 403, code: "Ecs.0110", message: "policy doesn't allow", requestId: nil)
        #expect(reduce(&state, .serverListingFailed(generation: state.servers.generation, refused)) == [])
        #expect(!state.servers.firstPageRetrying)
        #expect(reduce(&state, .listRetryDue) == [], "a refusal waits for r")
    }

    @Test func aFailedFirstPageWaitsWhileTheFilterIsTyped() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        _ = reduce(&state, .serverListingFailed(generation: 1, Self.busy))
        _ = reduce(&state, .key(.character("/")))
        #expect(reduce(&state, .listRetryDue).isEmpty)
        #expect(state.servers.refreshPending)
        #expect(reduce(&state, .key(.escape)) == [.listServers(generation: 2)], "it runs once the filter closes")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (2000, "2,000"), (1_234_567, "1,234,567")])
    func countsAreGroupedByThousands(count: Int, text: String) {
        #expect(grouped(count) == text)
    }
}
