import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

struct ListReducerTests {
    @Test func startupLoadsServersKeypairsAndUserId() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        let effects = startup(&state)
        #expect(effects == [.loadServers(page: 1), .loadKeypairs, .loadUserId])
        #expect(state.servers.loading)
        #expect(state.userId == .loading)
    }

    @Test func aGivenUserIdIsNotLookedUp() {
        var state = AppState(mode: .real, region: "r", projectId: "p", userId: "u1",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now)
        #expect(!startup(&state).contains(.loadUserId))
    }

    @Test func pagesLoadProgressivelyUntilTheCountIsReached() {
        var state = Fixtures.loadedState()
        let first = Array(Fixtures.servers.prefix(2))
        #expect(reduce(&state, .serversLoaded(page: 1, ServerPage(count: 5, servers: first))) == [.loadServers(page: 2)])
        #expect(state.servers.rows.count == 2)
        #expect(state.servers.loading)
        let rest = Array(Fixtures.servers.dropFirst(2))
        #expect(reduce(&state, .serversLoaded(page: 2, ServerPage(count: 5, servers: rest))) == [])
        #expect(state.servers.rows.map(\.id) == Fixtures.servers.map(\.id))
        #expect(!state.servers.loading)
    }

    @Test func anEmptyPageEndsLoadingEvenIfTheCountDisagrees() {
        var state = Fixtures.loadedState()
        #expect(reduce(&state, .serversLoaded(page: 2, ServerPage(count: 99, servers: []))) == [])
        #expect(!state.servers.loading)
    }

    @Test func theSelectionFollowsTheServerAcrossAReload() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.character("j")))
        #expect(state.servers.selected?.id == Fixtures.database.id)
        let reordered = Fixtures.servers.reversed().map { $0 }
        _ = reduce(&state, .serversLoaded(page: 1, ServerPage(count: 5, servers: reordered)))
        #expect(state.servers.selected?.id == Fixtures.database.id)
    }

    @Test(arguments: [
        ([Key.down, .down, .up], 1),
        ([.character("j"), .character("j"), .character("k")], 1),
        ([.up, .up], 0),
        ([.end], 4),
        ([.character("G"), .character("g")], 0),
        ([.down, .down, .down, .down, .down, .down], 4),
    ])
    func movementKeysClampToTheList(keys: [Key], expected: Int) {
        var state = Fixtures.loadedState()
        for key in keys { _ = reduce(&state, .key(key)) }
        #expect(state.servers.selectedIndex == expected)
    }

    @Test func qQuitsAndRRefreshes() {
        var state = Fixtures.loadedState()
        #expect(reduce(&state, .key(.character("r"))) == [.loadServers(page: 1)])
        _ = reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
    }

    @Test func enterOpensTheFormAndReadsTheImageOnce() {
        var state = Fixtures.loadedState()
        #expect(reduce(&state, .key(.enter)) == [.loadImage(id: "img-gold")])
        #expect(state.form?.server.id == Fixtures.web.id)
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage))
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
        #expect(reduce(&state, .key(.enter)) == [])
    }

    @Test(arguments: [(Fixtures.noDisk, "no system disk"), (Fixtures.locked, "locked")])
    func preflightRefusesServersThatCannotBeReinstalled(server: Server, reason: String) {
        var state = Fixtures.loadedState()
        state.servers.selectedId = server.id
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form == nil)
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains(reason) == true)
    }

    @Test func aServerWithARunningJobCannotBeReinstalledAgain() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        state.servers.selectedId = Fixtures.web.id
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form == nil)
        #expect(state.flash?.text.contains("already has a reinstall running") == true)
    }
}
