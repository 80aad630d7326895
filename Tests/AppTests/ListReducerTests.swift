import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

struct ListReducerTests {
    @Test func startupListsServersAndLoadsKeypairsAndUserId() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        let effects = startup(&state)
        #expect(effects == [.listServers(generation: 1), .loadKeypairs(scope: "demo/r/p"), .loadUserId])
        #expect(state.servers.loading)
        #expect(state.userId == .loading)
    }

    @Test func aGivenUserIdIsNotLookedUp() {
        var state = AppState(mode: .real, region: "r", projectId: "p", userId: "u1",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now)
        #expect(!startup(&state).contains(.loadUserId))
    }

    @Test func pagesAreShownAsTheyArriveWithALoadedOverTotalCounter() {
        var state = AppState(mode: .demo, region: "r", projectId: "p", size: TerminalSize(width: 100, height: 30),
                             now: Fixtures.now)
        _ = startup(&state)
        _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 5, servers: Array(Fixtures.servers.prefix(2)))))
        #expect(state.servers.rows.map(\.id) == ["s-web", "s-win"])
        #expect(state.servers.loading)
        #expect(render(state).lines[1].contains("2/5 loading…"))
        _ = reduce(&state, .serverPage(generation: 1, ServerPage(count: 5, servers: Array(Fixtures.servers.dropFirst(2)))))
        _ = reduce(&state, .serverListingFinished(generation: 1, at: Fixtures.now))
        #expect(state.servers.rows.map(\.id) == Fixtures.servers.map(\.id))
        #expect(!state.servers.loading)
        #expect(state.servers.lastRefreshed == Fixtures.now)
        #expect(render(state).lines[1].contains("5 servers"))
        #expect(render(state).lines[1].contains("refreshed 08:00:00 UTC"))
    }

    @Test func pagesOfAReplacedListingAreIgnored() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("r")))
        let stale = ServerPage(count: 1, servers: [Fixtures.server("s-stale", "stale")])
        _ = reduce(&state, .serverPage(generation: state.servers.generation - 1, stale))
        _ = reduce(&state, .serverListingFinished(generation: state.servers.generation - 1, at: Fixtures.now))
        #expect(state.servers.loading)
        #expect(state.servers.catalog.server(id: "s-stale") == nil)
    }

    @Test func aRefreshKeepsTheRowsUntilReplacedAndDropsServersThatAreGone() {
        var state = Fixtures.loadedState()
        state.servers.selectedId = Fixtures.database.id
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: 2)])
        #expect(state.servers.rows.count == 5, "the old rows stay while the refresh runs")
        var renamed = Fixtures.database
        renamed.status = .reboot
        let refreshed = [Fixtures.web, renamed, Fixtures.locked]
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 3, servers: refreshed)))
        #expect(state.servers.rows.count == 5, "only a complete listing can suggest a server is gone")
        let finished = reduce(&state, .serverListingFinished(generation: 2, at: Fixtures.now.addingTimeInterval(60)))
        #expect(finished == [.checkServer(id: "s-nodisk"), .checkServer(id: "s-win")], "the missed ones are read by id")
        #expect(state.servers.rows.count == 5, "and kept until the answer")
        _ = reduce(&state, .serverChecked(id: "s-nodisk", .gone))
        _ = reduce(&state, .serverChecked(id: "s-win", .gone))
        #expect(state.servers.rows.map(\.id) == ["s-web", "s-db", "s-locked"])
        #expect(state.servers.selected?.status == .reboot)
        #expect(state.servers.selected?.id == Fixtures.database.id, "the selection stays on its server")
    }

    @Test func aFailedListingKeepsTheRowsAndSaysWhy() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("r")))
        let busy = CloudError.api(status: 503, code: "Ecs.0000", message: "busy", requestId: nil)
        _ = reduce(&state, .serverListingFailed(generation: 2, busy))
        #expect(!state.servers.loading)
        #expect(state.servers.rows.count == 5)
        #expect(state.flash?.text == "Server list: \(busy.message) (r retries)")
    }

    @Test func theSelectionFollowsTheServerAcrossAReorderedReload() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.character("j")))
        #expect(state.servers.selected?.id == Fixtures.database.id)
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers.reversed(), to: &state)
        #expect(state.servers.selected?.id == Fixtures.database.id)
    }

    @Test(arguments: [
        ([Key.down, .down, .up], 1),
        ([.character("j"), .character("j"), .character("k")], 1),
        ([.up, .up], 0),
        ([.end], 4),
        ([.character("G"), .character("g")], 0),
        ([.down, .down, .down, .down, .down, .down], 4),
        ([.pageDown], 4),
        ([.end, .pageUp], 0),
    ])
    func movementKeysClampToTheList(keys: [Key], expected: Int) {
        var state = Fixtures.loadedState()
        for key in keys { _ = reduce(&state, .key(key)) }
        #expect(state.servers.selectedIndex == expected)
    }

    @Test func qQuitsAndRRefreshes() {
        var state = Fixtures.loadedState()
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: 2)])
        _ = reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
    }

    // MARK: filter

    @Test(arguments: [
        ("web", ["s-web"]),
        ("WIN", ["s-win"]),
        ("192.168.1", ["s-db"]),
        ("数据库", ["s-db"]),
        ("shutoff", ["s-win", "s-nodisk"]),
        ("ubuntu active", ["s-web", "s-locked"]),
        ("s-lock", ["s-locked"]),
        ("euler", ["s-db"]),
        ("nothing-like-this", []),
    ])
    func theFilterSearchesNameIdIpImageAndStatus(text: String, expected: [String]) {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        for character in text { _ = reduce(&state, .key(.character(character))) }
        #expect(state.servers.rows.map(\.id) == expected)
    }

    @Test func theFilterNarrowsPerKeystrokeAndWidensOnBackspace() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        var counts: [Int] = []
        for key in [Key.character("w"), .character("i"), .character("n"), .backspace, .backspace] {
            _ = reduce(&state, .key(key))
            counts.append(state.servers.rows.count)
        }
        // "w": web-01, win-ad-01 and 数据库-主节点 (its image is Huawei Cloud EulerOS); "wi", "win": win-ad-01.
        #expect(counts == [3, 1, 1, 1, 3])
    }

    @Test func enterKeepsTheFilterAndEscClearsItWithTheSelectionOnItsServer() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "win" { _ = reduce(&state, .key(.character(character))) }
        #expect(state.servers.selected?.id == Fixtures.windows.id)
        _ = reduce(&state, .key(.enter))
        #expect(state.servers.filterField == nil)
        #expect(state.form == nil, "Enter closes the filter; it does not open the form")
        #expect(state.servers.rows.map(\.id) == ["s-win"])
        _ = reduce(&state, .key(.escape))
        #expect(state.servers.rows.count == 5)
        #expect(state.servers.selected?.id == Fixtures.windows.id)
        #expect(state.servers.selectedIndex == 1)
    }

    @Test func escWhileTypingClearsTheFilter() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        _ = reduce(&state, .key(.character("q")))
        #expect(state.servers.rows.isEmpty)
        #expect(render(state).lines.joined(separator: "\n").contains("No server matches “q”"))
        _ = reduce(&state, .key(.escape))
        #expect(state.servers.filterField == nil)
        #expect(state.servers.rows.count == 5)
    }

    @Test func lettersTypedIntoTheFilterAreNotCommands() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "qrsh?" { _ = reduce(&state, .key(.character(character))) }
        #expect(!state.quitRequested)
        #expect(!state.showHistory)
        #expect(!state.showHelp)
        #expect(state.servers.catalog.sort == .apiOrder)
        #expect(state.servers.filterField?.text == "qrsh?")
    }

    @Test func aHiddenSelectionIsStoodInForAndComesBackWhenTheFilterIsCancelled() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.end))  // batch-locked, row 4
        _ = reduce(&state, .key(.character("/")))
        for character in "shutoff" { _ = reduce(&state, .key(.character(character))) }
        #expect(state.servers.selected?.id == Fixtures.noDisk.id, "the row in its place stands in")
        _ = reduce(&state, .key(.escape))
        #expect(state.servers.selected?.id == Fixtures.locked.id)
        #expect(state.servers.selectedIndex == 4)
    }

    @Test func aServerThatLeftTheAccountHandsTheSelectionOn() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.end))
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Array(Fixtures.servers.dropLast()), to: &state)
        #expect(state.servers.selectedId == Fixtures.noDisk.id)
    }

    @Test func aMissedServerThatStillExistsIsKept() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 5, servers: Array(Fixtures.servers.prefix(2)))))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 4, servers: Array(Fixtures.servers.suffix(2)))))
        #expect(reduce(&state, .serverListingFinished(generation: 2, at: Fixtures.now)) == [.checkServer(id: "s-db")])
        var rebooting = Fixtures.database
        rebooting.status = .reboot
        _ = reduce(&state, .serverChecked(id: "s-db", .found(rebooting)))
        #expect(state.servers.catalog.server(id: "s-db")?.status == .reboot)
        _ = reduce(&state, .serverChecked(id: "s-db", .unknown))
        #expect(state.servers.catalog.count == 5, "no clear answer removes nothing")
    }

    /// More missed servers than are read one by one: a steady listing is believed, an unsteady one
    /// only for servers the listing before missed too.
    @Test func manyMissedServersAreJudgedByTheListings() {
        var state = Fixtures.loadedState()
        let many = (0..<30).map { Fixtures.server("s-\($0)", "extra-\($0)") }
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers + many, to: &state)
        #expect(state.servers.catalog.count == 35)

        func unsteadyListing(_ generation: Int) -> [Effect] {
            _ = reduce(&state, .key(.character("r")))
            _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 35, servers: Fixtures.servers)))
            _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 34, servers: [])))
            return reduce(&state, .serverListingFinished(generation: generation, at: Fixtures.now))
        }
        #expect(!unsteadyListing(3).contains { if case .checkServer = $0 { true } else { false } })
        #expect(state.servers.catalog.count == 35, "missed once by an unsteady listing: kept")
        _ = unsteadyListing(4)
        #expect(state.servers.catalog.count == 5, "missed twice: gone")

        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers + many, to: &state)
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 6, ServerPage(count: 5, servers: Fixtures.servers)))
        _ = reduce(&state, .serverListingFinished(generation: 6, at: Fixtures.now))
        #expect(state.servers.catalog.count == 5, "a steady listing is believed at once")
    }

    @Test func removingAServerKeepsTheSortAndTheFilter() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("s")))  // by name
        _ = reduce(&state, .key(.character("/")))
        _ = reduce(&state, .key(.character("a")))
        _ = reduce(&state, .key(.enter))
        let before = state.servers.rows.map(\.id)
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 4, servers: Fixtures.servers.filter { $0.id != "s-nodisk" })))
        _ = reduce(&state, .serverListingFinished(generation: 2, at: Fixtures.now))
        _ = reduce(&state, .serverChecked(id: "s-nodisk", .gone))
        #expect(state.servers.rows.map(\.id) == before.filter { $0 != "s-nodisk" })
        for server in Fixtures.servers where server.id != "s-nodisk" {
            #expect(state.servers.catalog.server(id: server.id) == server, "positions renumbered")
        }
        _ = reduce(&state, .key(.escape))
        #expect(state.servers.rows.map(\.name) == ["batch-locked", "web-01", "win-ad-01", "数据库-主节点"])
    }

    @Test func aCheckOnlyA404MeansGone() {
        #expect(ServerCheck.from(CloudError.api(status: 404, code: "Ecs.0114", message: "no such server", requestId: nil)) == .gone)
        #expect(ServerCheck.from(CloudError.api(status: 429, code: "APIGW.0308", message: "throttled", requestId: nil)) == .unknown)
        #expect(ServerCheck.from(CloudError.transport("timeout")) == .unknown)
    }

    @Test func aServerHiddenByAKeptFilterHandsTheSelectionToItsStandIn() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "active" { _ = reduce(&state, .key(.character(character))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.servers.selected?.id == Fixtures.web.id)
        var rebuilding = Fixtures.web
        rebuilding.status = .rebuild
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 5, servers: [rebuilding])))
        #expect(state.servers.selectedId == Fixtures.database.id, "the stand-in is adopted, not a hidden web-01")
        rebuilding.status = .active
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 5, servers: [rebuilding])))
        #expect(state.servers.selectedId == Fixtures.database.id, "the highlight does not wander back")
    }

    @Test func sFromTheAPIOrderReversesIt() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("S")))
        #expect(state.servers.rows.map(\.id) == Fixtures.servers.reversed().map(\.id))
        #expect(render(state).lines[1].contains("sort API order↓"))
    }

    @Test func pagesArrivingDuringAFilterJoinTheMatchesInOrder() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        for character in "web" { _ = reduce(&state, .key(.character(character))) }
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .key(.character("r")))
        let newcomer = Fixtures.server("s-web9", "web-09", status: .active)
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 6, servers: Fixtures.servers + [newcomer])))
        #expect(state.servers.rows.map(\.id) == ["s-web", "s-web9"])
    }

    // MARK: sort

    @Test func sCyclesTheColumnAndSReversesIt() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("s")))
        #expect(state.servers.catalog.sort == ServerSort(column: .name))
        #expect(state.servers.rows.map(\.name) == ["batch-locked", "scratch-nodisk", "web-01", "win-ad-01", "数据库-主节点"])
        _ = reduce(&state, .key(.character("S")))
        #expect(state.servers.rows.map(\.name) == ["数据库-主节点", "win-ad-01", "web-01", "scratch-nodisk", "batch-locked"])
        _ = reduce(&state, .key(.character("s")))
        #expect(state.servers.catalog.sort == ServerSort(column: .status))
        #expect(state.servers.rows.map(\.status) == [.active, .active, .active, .shutoff, .shutoff])
        #expect(render(state).lines.joined(separator: "\n").contains("STATUS↑"))
    }

    @Test func theSelectionFollowsItsServerWhenTheOrderChanges() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.down))  // win-ad-01
        _ = reduce(&state, .key(.character("s")))
        #expect(state.servers.selected?.id == Fixtures.windows.id)
        #expect(state.servers.selectedIndex == 3)
    }

    @Test func aDigitSortsByThatShownColumnAndAgainReverses() {
        var state = Fixtures.loadedState()
        let shown = ServerListLayout.columns(state).map(\.column)
        let ipsKey = Character(String((shown.firstIndex(of: .ips) ?? 0) + 1))
        _ = reduce(&state, .key(.character(ipsKey)))
        #expect(state.servers.catalog.sort == ServerSort(column: .ips))
        // Numeric order: .0.10 < .0.11 < .0.31 < .1.10.
        #expect(state.servers.rows.map(\.privateIP) == ["192.168.0.10", "192.168.0.10", "192.168.0.11", "192.168.0.31", "192.168.1.10"])
        _ = reduce(&state, .key(.character(ipsKey)))
        #expect(state.servers.catalog.sort == ServerSort(column: .ips, descending: true))
    }

    @Test func theJobOrderFollowsTheJobs() {
        var state = Fixtures.loadedState()
        _ = sort(&state, ServerSort(column: .job, descending: true))
        #expect(state.servers.rows.first?.id == Fixtures.web.id, "no jobs: the API's order")
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.windows.id, serverName: "win-ad-01",
                                               api: .v1, at: Fixtures.now))
        #expect(state.servers.rows.first?.id == Fixtures.windows.id, "the server with a job sorts first")
    }

    @Test func theCloudInitOrderFollowsTheImagesAsTheyArrive() {
        var state = Fixtures.loadedState()
        _ = sort(&state, ServerSort(column: .cloudInit))
        #expect(state.servers.rows.first?.id == Fixtures.web.id, "every image still being read: the API's order")
        _ = reduce(&state, .imageLoaded(id: "img-win", Fixtures.windowsImage, scope: state.journalScope))
        #expect(state.servers.rows.first?.id == Fixtures.windows.id, "'no' now sorts before the images still read")
    }

    @Test func namesSortWithTheirNumbersAsNumbers() {
        #expect(ServerColumn.natural("web-2") < ServerColumn.natural("web-10"))
        #expect(ServerColumn.natural("Web-2") == ServerColumn.natural("web-2"))
    }

    @Test func pagesArrivingDuringASortAreMergedInOrder() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("s")))
        _ = reduce(&state, .key(.character("r")))
        let late = [Fixtures.server("s-a", "aaa-first"), Fixtures.server("s-m", "m-middle")]
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 7, servers: late)))
        #expect(state.servers.rows.map(\.name)
            == ["aaa-first", "batch-locked", "m-middle", "scratch-nodisk", "web-01", "win-ad-01", "数据库-主节点"])
    }

    // MARK: the action registry

    @Test func everyFooterHintIsAnActionAndDisabledOnesSayWhy() {
        var state = Fixtures.loadedState(width: 120, height: 30)
        let footer = render(state).lines[29]
        for action in ListActions.all {
            guard let hint = action.footer else { continue }
            // A disabled one (J without jobs) brackets its key.
            let parts = hint.split(separator: " ", maxSplits: 1)
            let shown = action.availability(state) == .enabled ? hint : "(\(parts[0])) \(parts[1])"
            #expect(footer.contains(shown), "\(footer)")
        }
        state.servers.selectedId = Fixtures.locked.id
        #expect(render(state).lines[29].contains("(Enter) reinstall"))
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.flash?.text.contains("is locked") == true)
    }

    @Test func aNarrowFooterKeepsHelpAndQuit() {
        let footer = render(Fixtures.loadedState(width: 60, height: 24)).lines[23]
        #expect(footer.contains("? help  q quit"))
        #expect(footer.hasPrefix(" Enter reinstall"))
        #expect(DisplayWidth.of(footer) <= 60)
    }

    @Test func onATooSmallTerminalOnlyQuitActs() {
        var state = Fixtures.loadedState(width: 40, height: 10)
        for key in [Key.character("/"), .down, .enter, .character("?")] { _ = reduce(&state, .key(key)) }
        #expect(state.servers.filterField == nil && state.form == nil && !state.showHelp)
        #expect(state.servers.selectedIndex == 0)
        _ = reduce(&state, .key(.character("q")))
        #expect(state.quitRequested)
    }

    @Test func everyActionKeyIsBoundOnce() {
        let keys = ListActions.all.flatMap(\.keys)
        #expect(keys.count == Set(keys.map { "\($0)" }).count)
    }

    @Test func questionMarkShowsEveryActionAndWhyOneIsDisabled() {
        var state = Fixtures.loadedState(width: 120, height: 30)
        state.servers.selectedId = Fixtures.noDisk.id
        _ = reduce(&state, .key(.character("?")))
        let text = render(state).lines.joined(separator: "\n")
        for action in ListActions.all { #expect(text.contains(action.label)) }
        #expect(text.contains("not now: "))
        #expect(text.contains("system disk"))
        _ = reduce(&state, .key(.character("j")))
        #expect(state.showHelp, "keys other than close are ignored under the help")
        #expect(state.servers.selectedId == Fixtures.noDisk.id)
        _ = reduce(&state, .key(.escape))
        #expect(!state.showHelp)
    }

    @Test func aClickSelectsTheRowAndTheWheelScrolls() {
        var state = Fixtures.loadedState()
        let firstRow = ServerListLayout.firstRowLine(state)
        _ = reduce(&state, .key(.mouse(MouseEvent(x: 5, y: firstRow + 2, kind: .press))))
        #expect(state.servers.selected?.id == Fixtures.database.id)
        _ = reduce(&state, .key(.mouse(MouseEvent(x: 5, y: 0, kind: .wheelDown))))
        #expect(state.servers.selectedIndex == 4)
        _ = reduce(&state, .key(.mouse(MouseEvent(x: 5, y: firstRow, kind: .press))))
        _ = reduce(&state, .key(.mouse(MouseEvent(x: 5, y: firstRow + 20, kind: .press))))
        #expect(state.servers.selectedIndex == 0, "a click below the last row changes nothing")
        _ = reduce(&state, .key(.mouse(MouseEvent(x: 5, y: firstRow - 1, kind: .press))))
        #expect(state.servers.selectedIndex == 0, "nor one on the header")
    }

    // MARK: automatic refresh

    @Test func whileJobsRunTheListRefreshesItselfButNotUnderAForm() {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        let generation = state.servers.generation
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 5, servers: Fixtures.servers)))
        let finished = reduce(&state, .serverListingFinished(generation: generation, at: Fixtures.now))
        #expect(finished == [.scheduleListRefresh(after: .seconds(15))])
        state.servers.selectedId = Fixtures.windows.id
        _ = reduce(&state, .key(.enter))
        #expect(state.form != nil)
        #expect(reduce(&state, .listRefreshDue) == [])
        #expect(state.servers.refreshPending)
        let closing = reduce(&state, .key(.escape))
        #expect(closing == [.listServers(generation: generation + 1)], "the held refresh runs when the form closes")
        #expect(!state.servers.refreshPending)
    }

    @Test func aFinishedJobRefreshesTheListButNotUnderTheFilter() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        Fixtures.deliver(Fixtures.servers, to: &state)
        _ = reduce(&state, .key(.character("/")))
        let failed = Job(jobId: "job-1", jobType: "rebuildServer", status: .fail, beginTime: nil, endTime: nil,
                         errorCode: "Ecs.1002", failReason: "timeout", entities: nil)
        var driver = FollowDriver()
        #expect(!driver.job(&state, failed).contains(where: Fixtures.isListing))
        #expect(state.servers.refreshPending)
        #expect(render(state).lines[1].contains("refresh paused"))
        #expect(reduce(&state, .key(.enter)).contains(where: Fixtures.isListing))
    }

    @Test func aListingThatFailsForAnotherReasonIsRetriedWhileJobsRun() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        let generation = state.servers.generation
        let timeout = CloudError.transport("the request timed out")
        #expect(reduce(&state, .serverListingFailed(generation: generation, timeout))
                == [.scheduleListRefresh(after: .seconds(15))])
        #expect(!state.servers.keysRefused)
    }

    @Test func aListingRefusedForAuthenticationStopsTheAutomaticRefreshAndSaysTheKeysWereRefused() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        let generation = state.servers.generation
        let refused = CloudError.api(status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information",
                                     requestId: "r-1")
        #expect(reduce(&state, .serverListingFailed(generation: generation, refused)) == [],
                "no automatic retry: it would be refused again")
        #expect(state.servers.keysRefused)
        #expect(state.flash?.text.contains("refused the access keys") == true)
        #expect(state.flash?.text.contains("APIGW.0301") == true)
        #expect(reduce(&state, .listRefreshDue) == [], "a refresh scheduled earlier does not list again")
        let failed = Job(jobId: "job-1", jobType: "rebuildServer", status: .fail, beginTime: nil, endTime: nil,
                         errorCode: "Ecs.1002", failReason: "timeout", entities: nil)
        var driver = FollowDriver()
        #expect(!driver.job(&state, failed).contains(where: Fixtures.isListing), "nor does a job's end")
        #expect(reduce(&state, .key(.character("r"))) == [.listServers(generation: generation + 1)],
                "the operator's r still lists")
        #expect(!state.servers.keysRefused)
    }

    @Test(arguments: [(0, 15), (1000, 15), (1001, 30), (10_000, 150)])
    func bigAccountsRefreshLessOften(servers: Int, seconds: Int) {
        #expect(automaticRefreshInterval(servers: servers) == .seconds(seconds))
    }

    @Test func withoutRunningJobsNoAutomaticRefreshIsScheduled() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .serverPage(generation: 2, ServerPage(count: 5, servers: Fixtures.servers)))
        #expect(reduce(&state, .serverListingFinished(generation: 2, at: Fixtures.now)) == [])
        #expect(reduce(&state, .listRefreshDue) == [])
    }

    // MARK: the form's pre-flight

    @Test func enterOpensTheFormWithTheImageAlreadyAsked() {
        var state = Fixtures.loadedState()
        #expect(state.images["img-gold"] == .loading, "images are read ahead for the CLOUD-INIT column")
        #expect(reduce(&state, .key(.enter)) == [.checkServer(id: Fixtures.web.id)], "only the server's fresh read")
        #expect(state.form?.server.id == Fixtures.web.id)
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage, scope: state.journalScope))
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
        #expect(reduce(&state, .key(.enter)) == [.checkServer(id: Fixtures.web.id)])
    }

    @Test func aFailedImageIsAskedAgainWhenTheFormOpens() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .imageFailed(id: "img-gold", .transport("timeout"), scope: state.journalScope))
        #expect(reduce(&state, .key(.enter)) == [.checkServer(id: Fixtures.web.id), .loadImage(id: "img-gold", scope: state.journalScope)])
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
