import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

struct ScreenSnapshotTests {
    @Test func serverListAt100x30WithACJKName() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.down))
        assertSnapshot(render(state), named: "server-list-100x30")
    }

    @Test func serverListAt80x24() {
        assertSnapshot(render(Fixtures.loadedState(width: 80, height: 24)), named: "server-list-80x24")
    }

    /// Every column at 120 columns: images answered (CLOUD-INIT), a job running (JOB), sorted by name.
    @Test func serverListAt120x40WithEveryColumn() {
        var state = Fixtures.loadedState(width: 120, height: 40)
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage, scope: state.journalScope))
        _ = reduce(&state, .imageLoaded(id: "img-win", Fixtures.windowsImage, scope: state.journalScope))
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        Fixtures.deliver(Fixtures.servers, to: &state)
        _ = reduce(&state, .key(.character("s")))
        let screen = render(state)
        assertSnapshot(screen, named: "server-list-120x40")
        let header = screen.lines[2]
        for column in ServerColumn.allCases { #expect(header.contains(column.title)) }
    }

    /// The enterprise project: `default` for `0`, an id cut to the column; the first column to go.
    @Test func theEnterpriseProjectColumnShowsAtWideSizesOnly() {
        let wide = render(Fixtures.loadedState(width: 120, height: 40))
        #expect(wide.lines[2].contains(" EP "))
        let database = wide.lines.first { $0.contains("数据库-主节点") } ?? ""
        #expect(database.contains("5b2e1c"), "\(database)")
        #expect(wide.lines.first { $0.contains("web-01") }?.contains("default") == true)
        let narrow = render(Fixtures.loadedState(width: 80, height: 24))
        #expect(!narrow.lines[2].contains(" EP"))
        #expect(!narrow.lines.joined().contains("default"))
    }

    /// A list narrowed to one enterprise project says so in the header, and when it is empty.
    @Test func aNarrowedListSaysWhichEnterpriseProject() {
        var state = Fixtures.loadedState(width: 120, height: 40)
        state.enterpriseProject = "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"
        #expect(render(state).lines[0].contains("· EP 5b2e1c7a…"))
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver([], to: &state)
        #expect(render(state).lines.joined().contains("No servers in enterprise project 5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"))
        state.enterpriseProject = "0"
        #expect(render(state).lines[0].contains("· EP default"))
    }

    /// A listing refused for a missing permission says it whole at 80 columns: the cloud's words,
    /// the enterprise project asked for and what to do wrap over the empty list rather than being cut.
    @Test func aRefusedListingIsReadInFullAt80Columns() {
        var state = AppState(mode: .real, region: "cn-north-4", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: 80, height: 24), now: Fixtures.now)
        _ = startup(&state)
        let ep = "8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02"
        let refused = CloudError.api(
            status: 403, code: "Ecs.0110",
            message: "Policy doesn't allow ecs:cloudServers:list to be performed. (listing the servers of enterprise project \(ep))",
            requestId: "0123456789abcdef")
        _ = reduce(&state, .serverListingFailed(generation: state.servers.generation, refused))
        let lines = render(state).lines
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let body = lines.dropFirst(2).dropLast(3).joined(separator: " ").split(separator: " ").joined(separator: " ")
        let expected = "Could not list servers: \(refused.message)".split(separator: " ").joined(separator: " ")
        #expect(body.contains(expected), "\(lines.joined(separator: "\n"))")
    }

    /// An account whose servers are all in the default enterprise project has no EP column: the
    /// names keep its width.
    @Test func noEnterpriseProjectColumnWhenAllAreDefault() {
        var state = Fixtures.loadedState(width: 120, height: 40)
        #expect(state.servers.catalog.spansEnterpriseProjects)
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers.filter { $0.id != Fixtures.database.id }, to: &state)
        #expect(!state.servers.catalog.spansEnterpriseProjects, "the refresh dropped the one outside it")
        #expect(!render(state).lines[2].contains(" EP "))
        var moved = Fixtures.web
        moved.enterpriseProjectId = "c1a3e5f7-9b2d-4f6a-8c1e-3a5b7d9f1c03"
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers.filter { $0.id != Fixtures.database.id }.map { $0.id == moved.id ? moved : $0 },
                         to: &state)
        #expect(render(state).lines[2].contains(" EP "))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func cjkAndEmojiNamesAreCutAtTheirDisplayWidth(width: Int, height: Int) {
        var state = Fixtures.loadedState(width: width, height: height)
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.wideNames, to: &state)
        let screen = render(state)
        assertSnapshot(screen, named: "server-list-cjk-\(width)x\(height)")
        // Every line fits the terminal exactly: no wide character overflows or is split.
        for line in screen.lines { #expect(DisplayWidth.of(line) <= width) }
        #expect(screen.lines.joined().contains("…"))
    }

    @Test func theFilterLineShowsWhatIsTypedAndHowManyMatch() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        _ = reduce(&state, .key(.character("/")))
        for character in "192.168.0" { _ = reduce(&state, .key(.character(character))) }
        let screen = render(state)
        assertSnapshot(screen, named: "server-list-filter-80x24")
        #expect(screen.cursor?.y == 1)
    }

    @Test func theHelpOverlayListsTheActions() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        _ = reduce(&state, .key(.character("?")))
        assertSnapshot(render(state), named: "help-80x24")
    }

    @Test func asciiFramesWhereTheLocaleIsNotUTF8() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        state.glyphs = .ascii
        _ = reduce(&state, .key(.character("?")))
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains("+- Keys of the server list"))
        #expect(!text.contains("┌"))
    }

    @Test func windowsFormRefusesARunOfAdministrator() {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        _ = reduce(&state, .key(.tab))
        for character in "Passw0rd!mini" { _ = reduce(&state, .key(.character(character))) }
        let screen = render(state)
        assertSnapshot(screen, named: "form-windows-mini")
        let text = screen.lines.joined(separator: "\n")
        #expect(!text.contains("Passw0rd"), "the password must be masked")
        #expect(text.contains("•••••••••••••"))
    }

    @Test func linuxKeypairFormOnV2() {
        assertSnapshot(render(Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)), named: "form-linux-keypair")
    }

    /// IAM refused the user id lookup: the checklist says so, dimmed, and the form may still go to the review.
    @Test func linuxKeypairFormWithoutAUserId() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = reduce(&state, .userIdLoaded(nil))
        let screen = render(state)
        assertSnapshot(screen, named: "form-linux-keypair-no-userid")
        #expect(screen.lines.joined().contains("· IAM user id not known: userid not sent (optional)"))
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true, "an unknown user id does not hold the form back")
        FormKeys.type("web-01", into: &state)
        let plan = try #require(reduce(&state, .key(.enter)).lazy.compactMap { effect -> ReinstallPlan? in
            if case let .submitReinstall(plan) = effect { return plan }
            return nil
        }.first)
        #expect(plan.request == ReinstallRequest(keyName: "deploy-rsa", withStopServer: true))
    }

    @Test func jobPanesShowStatusElapsedTimeAndFailure() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .reinstallAccepted(jobId: "job-ok", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        _ = reduce(&state, .reinstallAccepted(jobId: "job-bad", serverId: Fixtures.windows.id, serverName: "win-ad-01",
                                               api: .v1, at: Fixtures.now))
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(75)))
        var driver = FollowDriver()
        _ = driver.job(&state, Job(
            jobId: "job-ok", jobType: "rebuildServer", status: .running, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: nil, errorCode: nil, failReason: nil,
            entities: .init(serverId: Fixtures.web.id, subJobsTotal: 1, subJobs: [])))
        _ = driver.job(&state, Job(
            jobId: "job-bad", jobType: "rebuildServer", status: .fail, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: "2025-01-01T08:01:10.000Z", errorCode: "Ecs.1002", failReason: "OpenStack timeout",
            entities: .init(serverId: Fixtures.windows.id, subJobsTotal: 1, subJobs: [.init(
                jobId: "sub", jobType: "rebuildSingleServer", status: .fail, beginTime: nil, endTime: nil,
                errorCode: "Ecs.1002", failReason: "OpenStack timeout", errorcodeMessage: "rebuild timed out")])))
        let screen = render(state)
        assertSnapshot(screen, named: "job-panes")
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("RUNNING"))
        #expect(text.contains("1:15"))
        #expect(text.contains("Ecs.1002: OpenStack timeout — rebuild timed out"))
    }

    @Test(arguments: [(AccountMode.demo, "DEMO — simulated cloud"), (.real, "REAL — Huawei Cloud")])
    func theHeaderNamesTheAccountModeRegionAndProject(mode: AccountMode, badge: String) {
        var state = AppState(mode: mode, region: "ap-southeast-1", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now)
        _ = startup(&state)
        let header = render(state).lines[0]
        #expect(header.contains(badge))
        #expect(header.contains("ap-southeast-1 · project 0a1b2c3d…"))
    }

    @Test(arguments: [
        (100, "ap-southeast-1 · KooCLI:ops-admin · project 0a1b2c3d…"),
        (85, "ap-southeast-1 · KooCLI:ops-admin · 0a1b2c3d…"),
        // At 80 columns the project makes room for the source, which is never cut.
        (80, "ap-southeast-1 · KooCLI:ops-admin"),
    ])
    func theHeaderSaysWhereTheCredentialsCameFrom(width: Int, expected: String) {
        var state = AppState(mode: .real, region: "ap-southeast-1", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: width, height: 24), now: Fixtures.now)
        state.credentialSource = "KooCLI:ops-admin"
        _ = startup(&state)
        let header = render(state).lines[0]
        #expect(header.contains(expected), "\(header)")
        #expect(header.contains("REAL — Huawei Cloud"))
        #expect(header.contains("0a1b") == (width > 80), "\(header)")
        #expect(!header.contains("…") || width > 80, "nothing cut: \(header)")
    }

    @Test func aTinyTerminalSaysWhatItNeeds() {
        let screen = render(Fixtures.loadedState(width: 40, height: 10))
        #expect(screen.lines.prefix(2) == ["Terminal too small (need 60×16)", "have 40×10: enlarge the window"])
    }
}
