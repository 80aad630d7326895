import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// `:`: the picker, and what a switch of region or project does to the state.
struct ScopeSwitchReducerTests {
    static let north4 = ProjectScope(region: "cn-north-4", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9")
    static let staging = ProjectScope(region: "cn-north-4", projectId: "p-staging", projectName: "cn-north-4_staging")
    static let east3 = ProjectScope(region: "cn-east-3", projectId: "p-east")
    static let singapore = ProjectScope(region: "ap-southeast-1", projectId: "p-sg")
    static let all = [singapore, east3, north4, staging]

    /// The list with a running job, `:` pressed and the scopes answered.
    static func pickerState(width: Int = 100, height: Int = 30, previous: ProjectScope? = nil) -> AppState {
        var state = Fixtures.loadedState(width: width, height: height)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-web", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        state.previousScope = previous
        _ = reduce(&state, .key(.character(":")))
        _ = reduce(&state, .scopesLoaded(all))
        state.flash = nil
        return state
    }

    private func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    @Test func colonOpensThePickerAndAsksForTheScopes() {
        var state = Fixtures.loadedState()
        let effects = reduce(&state, .key(.character(":")))
        #expect(effects == [.loadScopes])
        #expect(state.scopePicker?.choices == .loading)
        #expect(Mode.of(state) == .scopePicker)
        _ = reduce(&state, .scopesLoaded(Self.all))
        #expect(state.scopePicker?.matching() == Self.all)
        #expect(state.scopePicker?.highlighted == Self.singapore)
    }

    @Test func thePreviousScopeIsOfferedFirst() {
        let state = Self.pickerState(previous: Self.east3)
        #expect(state.scopePicker?.matching().map(\.projectId) == ["p-east", "p-sg", Self.north4.projectId, "p-staging"])
        #expect(state.scopePicker?.highlighted == Self.east3)
        #expect(render(state).lines.contains { $0.contains("cn-east-3") && $0.contains("last used") })
        #expect(render(state).lines.contains { $0.contains("cn-north-4 ") && $0.contains("current") })
    }

    @Test func typingNarrowsTheChoicesAndQuestionMarksAreTyped() {
        var state = Self.pickerState()
        _ = press(ModeSamples.typed("north stag"), &state)
        #expect(state.scopePicker?.matching() == [Self.staging])
        _ = press([.character("?")], &state)
        #expect(state.scopePicker?.filter.text == "north stag?")
        #expect(!state.showHelp)
        #expect(state.scopePicker?.matching() == [])
    }

    @Test func switchingResetsTheListAndKeepsTheJobsOfTheOldScope() throws {
        var state = Self.pickerState()
        let oldScope = state.journalScope
        let generation = state.servers.generation
        state.images["img-gold"] = .loaded(Fixtures.goldImage)
        _ = press(ModeSamples.typed("east"), &state)
        let effects = press([.enter], &state)

        #expect(state.scopePicker == nil)
        #expect(state.region == "cn-east-3" && state.projectId == "p-east" && state.projectName == "cn-east-3")
        #expect(state.journalScope == JournalEntry.scope(demo: true, region: "cn-east-3", projectId: "p-east"))
        #expect(state.servers.catalog.count == 0 && state.servers.loading)
        #expect(state.servers.generation == generation + 1)
        #expect(state.images.isEmpty && state.keypairs == .loading)
        #expect(effects.first == .useScope(Self.east3, journalScope: state.journalScope))
        #expect(effects.contains(.listServers(generation: generation + 1)))
        #expect(effects.contains(.loadKeypairs(scope: state.journalScope)))
        #expect(effects.last == .rememberScope(Self.east3))
        #expect(state.previousScope == Self.north4)
        #expect(state.commandScope.moving(to: state.scope).region == "cn-east-3")
        // The job of cn-north-4 stays, in its own scope, labelled with it.
        let job = try #require(state.jobs.first)
        #expect(job.entry.scope == oldScope)
        #expect(otherScopeLabel(job, state) == "cn-north-4")
        // A page of the old listing that arrives late is dropped.
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: 1, servers: [Fixtures.web])))
        #expect(state.servers.catalog.count == 0)
        _ = reduce(&state, .serverPage(generation: generation + 1, ServerPage(count: 1, servers: [Fixtures.locked])))
        #expect(state.servers.catalog.servers.map(\.name) == ["batch-locked"])
    }

    /// The old scope's key pairs and images, answered after the switch (before the new loads
    /// replace them): another region's, never offered in the new one's form.
    @Test func lateAnswersOfTheOldScopeAreDropped() {
        var state = Self.pickerState()
        let oldScope = state.journalScope
        _ = press(ModeSamples.typed("east") + [.enter], &state)
        _ = reduce(&state, .keypairsLoaded([Keypair(name: "north-key")], scope: oldScope))
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage, scope: oldScope))
        #expect(state.keypairs == .loading)
        #expect(state.images["img-gold"] == nil)
        _ = reduce(&state, .keypairsFailed(.transport("reset"), scope: oldScope))
        _ = reduce(&state, .imageFailed(id: "img-gold", .transport("reset"), scope: oldScope))
        #expect(state.keypairs == .loading && state.images["img-gold"] == nil)
        // The new scope's own answers are taken.
        _ = reduce(&state, .keypairsLoaded([Keypair(name: "east-key")], scope: state.journalScope))
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage, scope: state.journalScope))
        #expect(state.keypairs == .loaded([Keypair(name: "east-key")]))
        #expect(state.images["img-gold"] == .loaded(Fixtures.goldImage))
    }

    @Test func theHeaderShowsTheRegionOrTheSubprojectsName() {
        var state = Self.pickerState()
        _ = press(ModeSamples.typed("stag") + [.enter], &state)
        #expect(render(state).lines[0].contains(" cn-north-4_staging · project p-stagin"))
        #expect(state.commandScope.moving(to: state.scope) == CommandScope(region: "cn-north-4", projectId: "p-staging"))
        _ = press([.character(":")], &state)
        _ = reduce(&state, .scopesLoaded(Self.all))
        _ = press(ModeSamples.typed("east") + [.enter], &state)
        #expect(render(state).lines[0].contains(" cn-east-3 · project p-east"))
    }

    @Test func unfinishedJobsOfTheNewScopeAreResumedFromTheJournal() {
        let eastScope = JournalEntry.scope(demo: true, region: "cn-east-3", projectId: "p-east")
        let running = JournalEntry(jobId: "job-east", serverId: "s-east", serverName: "east-web-01", api: .v2,
                                   scope: eastScope, submittedAt: Fixtures.now)
        var done = JournalEntry(jobId: "job-old", serverId: "s-east", serverName: "east-web-01", api: .v2,
                                scope: eastScope, submittedAt: Fixtures.now.addingTimeInterval(-900))
        done.finishedAt = Fixtures.now.addingTimeInterval(-800)
        done.lastStatus = "SUCCESS"
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: Self.north4.projectId,
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now, journal: [running, done])
        #expect(state.jobs.isEmpty && state.history.isEmpty)
        _ = startup(&state)
        _ = reduce(&state, .key(.character(":")))
        _ = reduce(&state, .scopesLoaded(Self.all))
        let effects = press(ModeSamples.typed("east") + [.enter], &state)
        #expect(state.jobs.map(\.jobId) == ["job-east"])
        #expect(state.history.map(\.jobId) == ["job-old"])
        #expect(effects.contains(.watchJob(running)))
        #expect(state.journalElsewhere.isEmpty)
        #expect(state.flash?.text.contains("resumed 1 unfinished job") == true)
        // Back in cn-north-4, the history says where its jobs ran.
        _ = press([.character(":")] + ModeSamples.typed("cn-north-4 ") + [.enter, .character("h")], &state)
        #expect(render(state).lines.contains { $0.contains("east-web-01") && $0.contains("[cn-east-3]") })
    }

    /// Jobs of other scopes are not followed until `:` switches there: the start says where they are.
    @Test func unfinishedJobsOfOtherScopesAreSaidAtStart() {
        func entry(_ id: String, _ scope: ProjectScope, finished: Bool = false) -> JournalEntry {
            var entry = JournalEntry(jobId: id, serverId: "s-" + id, serverName: id, api: .v2,
                                     scope: JournalEntry.scope(demo: false, region: scope.region, projectId: scope.projectId),
                                     submittedAt: Fixtures.now)
            if finished { entry.finishedAt = Fixtures.now }
            return entry
        }
        let journal = [entry("e-1", Self.east3), entry("n-1", Self.north4), entry("e-2", Self.east3),
                       entry("st-1", Self.staging), entry("sg-1", Self.singapore, finished: true)]
        var state = AppState(mode: .real, region: "cn-north-4", projectId: Self.north4.projectId,
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now, journal: journal)
        _ = startup(&state)
        #expect(state.flash?.text == "Resumed 1 unfinished job(s) from the journal. "
            + "3 unfinished jobs in cn-east-3, cn-north-4 · project p-stagin: press : to follow them.")
        var alone = AppState(mode: .real, region: "ap-southeast-1", projectId: "p-sg",
                             size: TerminalSize(width: 100, height: 30), now: Fixtures.now, journal: [entry("e-1", Self.east3)])
        _ = startup(&alone)
        #expect(alone.flash?.text == "1 unfinished job in cn-east-3: press : to follow it.")
    }

    @Test func aSwitchIsRefusedWhileAReinstallIsBeingSubmitted() {
        var state = Fixtures.loadedState()
        state.submissions[Fixtures.web.id] = SubmissionMark(serverId: Fixtures.web.id, serverName: "web-01",
                                                            phase: .submitting, since: Fixtures.now)
        let effects = reduce(&state, .key(.character(":")))
        #expect(effects.isEmpty && state.scopePicker == nil)
        #expect(state.flash?.text.contains("being submitted") == true)
        // Nor can a picker left open switch.
        state.scopePicker = ScopePicker()
        _ = reduce(&state, .scopesLoaded(Self.all))
        _ = press(ModeSamples.typed("east") + [.enter], &state)
        #expect(state.region == "cn-north-4")
    }

    /// A reinstall whose answer was unclear is settled by reads of its server in this scope:
    /// no switch until then, and the picker says why.
    @Test func aSwitchIsRefusedWhileAReinstallIsStillUnclear() {
        var state = Self.pickerState()
        state.submissions[Fixtures.web.id] = SubmissionMark(serverId: Fixtures.web.id, serverName: "web-01",
                                                            phase: .unclear, since: Fixtures.now)
        let effects = press(ModeSamples.typed("east") + [.enter], &state)
        #expect(effects.isEmpty)
        #expect(state.region == "cn-north-4" && state.projectId == Self.north4.projectId)
        #expect(state.flash?.text == "The reinstall of web-01 is still unclear; switch once its server's status has settled it.")
        // Settled (the server showed REBUILD): the switch goes through.
        state.submissions = [:]
        state.scopePicker = ScopePicker()
        _ = reduce(&state, .scopesLoaded(Self.all))
        _ = press(ModeSamples.typed("east") + [.enter], &state)
        #expect(state.region == "cn-east-3")
    }

    @Test func aSwitchIsRefusedWhileTheFormIsOpen() {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let effects = switchScope(&state, to: Self.east3)
        #expect(effects.isEmpty)
        #expect(state.region == "cn-north-4" && state.form != nil)
        #expect(state.flash?.text.contains("Close the reinstall form first") == true)
        // `:` in the form is text for its field, never the picker.
        _ = reduce(&state, .key(.character(":")))
        #expect(state.scopePicker == nil)
    }

    @Test func aRefusedListIsShownAndLosesNothing() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character(":")))
        _ = press(ModeSamples.typed("east"), &state)
        _ = reduce(&state, .scopesFailed(.api(status: 403, code: "IAM.0002", message: "You are not authorized",
                                             requestId: "req-9")))
        #expect(state.scopePicker?.filter.text == "east")
        guard case let .failed(message) = state.scopePicker?.choices else {
            Issue.record("not failed: \(String(describing: state.scopePicker))")
            return
        }
        #expect(message.contains("IAM.0002") && message.contains("/v3/auth/projects"))
        #expect(state.messages.entries.last?.text == message)
        #expect(render(state).lines.joined().contains("IAM.0002"))
        // Enter asks again; the list then works.
        #expect(press([.enter], &state) == [.loadScopes])
        _ = reduce(&state, .scopesLoaded(Self.all))
        // A word that starts a part of the name first: cn-east-3 before ap-southeast-1.
        #expect(state.scopePicker?.matching() == [Self.east3, Self.singapore])
        #expect(state.region == "cn-north-4")
    }

    @Test func choosingTheCurrentScopeChangesNothing() {
        var state = Self.pickerState()
        let generation = state.servers.generation
        let effects = press(ModeSamples.typed("cn-north-4 ") + [.down, .up, .enter], &state)
        #expect(effects.isEmpty)
        #expect(state.servers.generation == generation && state.scopePicker == nil)
        #expect(state.flash?.text == "Already in cn-north-4.")
    }

    @Test func escapeClosesThePickerWithoutSwitching() {
        var state = Self.pickerState()
        _ = press([.down, .escape], &state)
        #expect(state.scopePicker == nil && state.region == "cn-north-4")
    }

    /// A failed reload said above a full list takes its lines from the list: the box keeps its
    /// size, its bottom and the highlighted choice in sight, the header and the footer uncovered.
    @Test(arguments: [16, 24])
    func aReloadErrorAboveAFullListKeepsTheBoxInItsPlace(height: Int) throws {
        let many = (1...30).map { ProjectScope(region: "cn-north-4", projectId: "p-\($0)", projectName: "cn-north-4_sub\($0)") }
        var state = Fixtures.loadedState(width: 80, height: height)
        _ = reduce(&state, .key(.character(":")))
        _ = reduce(&state, .scopesLoaded(Self.all + many))
        _ = press(Array(repeating: Key.down, count: 12), &state)
        state.flash = nil
        func box(_ lines: [String]) -> (top: Int?, bottom: Int?) {
            (lines.firstIndex { $0.contains("┌─ Switch region or project") }, lines.lastIndex { $0.contains("└──") })
        }
        let before = box(render(state).lines)
        _ = reduce(&state, .scopesFailed(.transport("connection reset by peer while reading the answer of the identity service")))
        state.flash = nil
        let lines = render(state).lines
        let after = box(lines)
        #expect(after.top == before.top && after.bottom == before.bottom, "\(lines.joined(separator: "\n"))")
        let bottom = try #require(after.bottom)
        #expect(bottom < height - 1 && (after.top ?? 0) > 0)
        let highlighted = try #require(state.scopePicker?.highlighted)
        #expect(lines.contains { $0.contains("project \(highlighted.projectName)") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("connection reset") })
    }

    @Test(arguments: [(80, 24)])
    func thePickerSnapshot(width: Int, height: Int) {
        var state = Self.pickerState(width: width, height: height, previous: Self.east3)
        _ = press([.down], &state)
        assertSnapshot(render(state), named: "scope-picker-\(width)x\(height)")
    }

    @Test func thePickerWhileListingAndAfterARefusalSnapshot() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        _ = reduce(&state, .key(.character(":")))
        assertSnapshot(render(state), named: "scope-picker-loading-80x24")
        _ = reduce(&state, .scopesFailed(.transport("connection refused (ECONNREFUSED)")))
        state.flash = nil
        assertSnapshot(render(state), named: "scope-picker-failed-80x24")
    }
}
