import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// One submission per server: marked while it is in flight, refused a second time, and an unclear
/// answer disarms the form and keeps the server watched until its status tells.
struct SubmissionReducerTests {
    static let unclearAdvice = ReinstallOutcome.unknown(
        server: Fixtures.web, cause: .transport("the request timed out")).message

    /// The web server's form, submitted: the POST is in flight.
    private func submittedWeb() throws -> (AppState, ReinstallPlan) {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        return (state, plan)
    }

    private func selectAndEnter(_ server: Server, _ state: inout AppState) -> [Effect] {
        state.servers.selectedId = server.id
        return reduce(&state, .key(.enter))
    }

    @Test func aServerBeingSubmittedIsMarkedInTheList() throws {
        var (state, _) = try submittedWeb()
        #expect(state.submissions[Fixtures.web.id]?.phase == .submitting)
        _ = reduce(&state, .key(.escape))  // the operator closes the form while the API is slow
        #expect(state.form == nil)
        #expect(ServerRowContext(state).jobLabel(Fixtures.web) == "SUBMITTING")
        let row = try #require(render(state).lines.first { $0.contains("web-01") })
        #expect(row.contains("SUBMITTING"))
    }

    @Test func enterOnAServerBeingSubmittedIsRefusedWithTheReason() throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        let effects = selectAndEnter(Fixtures.web, &state)
        #expect(state.form == nil, "no second form, so no second POST")
        #expect(effects.isEmpty)
        #expect(state.flash?.text.contains("being submitted") == true, "got \(String(describing: state.flash))")
        // Another server is not held up by it.
        _ = selectAndEnter(Fixtures.database, &state)
        #expect(state.form?.server.id == Fixtures.database.id)
    }

    @Test(arguments: [
        AppEvent.reinstallAccepted(jobId: "j-web", serverId: Fixtures.web.id, serverName: "web-01", api: .v2, at: Fixtures.now),
        AppEvent.reinstallFailed(serverId: Fixtures.web.id, "Nothing was started: refused."),
        AppEvent.reinstallUnclear(serverId: Fixtures.web.id, advice: SubmissionReducerTests.unclearAdvice, started: false,
                                  at: Fixtures.now),
    ])
    func anotherSubmissionsAnswerLeavesTheOpenFormAlone(answer: AppEvent) throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        _ = selectAndEnter(Fixtures.database, &state)
        FormKeys.focus(.keypair, in: &state)
        FormKeys.type("ops", into: &state)  // typing in the key pair filter
        let before = try #require(state.form)
        _ = reduce(&state, answer)
        #expect(state.form == before, "the form of another server keeps its fields and its focus")
        #expect(state.submissions[Fixtures.web.id]?.phase != .submitting, "the web server's mark moved on")
    }

    @Test func anUnclearOutcomeDisarmsTheFormForThatServer() throws {
        var (state, _) = try submittedWeb()
        let effects = reduce(&state, .reinstallUnclear(serverId: Fixtures.web.id, advice: Self.unclearAdvice, started: false,
                                                        at: Fixtures.now))
        #expect(effects.contains(.watchSubmittedServer(id: Fixtures.web.id, after: SubmissionMark.watchInterval)))
        #expect(state.form?.server.id == Fixtures.web.id, "the form stays, with its values")
        #expect(state.form?.submitting == false)
        #expect(state.form?.error == Self.unclearAdvice)
        // Today's bug: Enter, the name, Enter sent a second POST from the same form.
        let again = FormKeys.reviewAndConfirm(&state)
        #expect(FormKeys.plan(again) == nil, "no second POST while the outcome is unclear")
        #expect(state.form?.isReviewing == false)
        #expect(state.form?.error?.contains("Do not send it again yet") == true)
        // Nor from a new form.
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
        _ = selectAndEnter(Fixtures.web, &state)
        #expect(state.form == nil)
        #expect(state.flash?.text.contains("not known whether the reinstall of web-01 started") == true)
        #expect(ServerRowContext(state).jobLabel(Fixtures.web) == "UNCLEAR")
    }

    @Test func theWholeAdviceIsOnScreen() throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .reinstallUnclear(serverId: Fixtures.web.id, advice: Self.unclearAdvice, started: false,
                                             at: Fixtures.now))
        for width in [60, 100] {
            state.size = TerminalSize(width: width, height: 24)
            let text = render(state).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("Do not send it again yet: refresh the server in a minute; REBUILD means it started."),
                    "at width \(width)")
        }
    }

    @Test func theWatchedServerTellsWhetherItStarted() throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .reinstallUnclear(serverId: Fixtures.web.id, advice: Self.unclearAdvice, started: false,
                                             at: Fixtures.now))
        var rebuilding = Fixtures.web
        rebuilding.status = .rebuild
        rebuilding.taskState = "rebuilding"
        let next = reduce(&state, .submittedServerRead(id: Fixtures.web.id, .found(rebuilding), at: Fixtures.now + 5))
        #expect(next.contains(.watchSubmittedServer(id: Fixtures.web.id, after: SubmissionMark.watchInterval)))
        #expect(state.submissions[Fixtures.web.id]?.phase == .started)
        #expect(selectAndEnter(Fixtures.web, &state).isEmpty && state.form == nil, "still refused while it rebuilds")

        var done = Fixtures.web
        done.status = .active
        let last = reduce(&state, .submittedServerRead(id: Fixtures.web.id, .found(done), at: Fixtures.now + 300))
        #expect(!last.contains { if case .watchSubmittedServer = $0 { true } else { false } }, "no longer watched")
        #expect(state.submissions[Fixtures.web.id] == nil)
        _ = selectAndEnter(Fixtures.web, &state)
        #expect(state.form?.server.id == Fixtures.web.id, "armed again")
    }

    @Test func anUnclearServerThatNeverShowsAReinstallIsReleasedOnlyAfterTheWindow() throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .reinstallUnclear(serverId: Fixtures.web.id, advice: Self.unclearAdvice, started: false,
                                             at: Fixtures.now))
        let early = reduce(&state, .submittedServerRead(id: Fixtures.web.id, .found(Fixtures.web), at: Fixtures.now + 60))
        #expect(state.submissions[Fixtures.web.id]?.phase == .unclear, "a minute says nothing yet")
        #expect(early.contains(.watchSubmittedServer(id: Fixtures.web.id, after: SubmissionMark.watchInterval)))
        _ = reduce(&state, .submittedServerRead(id: Fixtures.web.id, .unknown, at: Fixtures.now + 120))
        #expect(state.submissions[Fixtures.web.id]?.phase == .unclear, "an unreadable server says nothing")
        _ = reduce(&state, .submittedServerRead(
            id: Fixtures.web.id, .found(Fixtures.web), at: Fixtures.now + SubmissionMark.unclearWindow))
        #expect(state.submissions[Fixtures.web.id] == nil)
        #expect(state.flash?.text.contains("did not start") == true)
    }

    @Test func anUnclearServerWhoseStatusChangedSinceThePostIsNotReleased() throws {
        var (state, _) = try submittedWeb()
        #expect(state.submissions[Fixtures.web.id]?.statusBefore == .active)
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .reinstallUnclear(serverId: Fixtures.web.id, advice: Self.unclearAdvice, started: false,
                                             at: Fixtures.now))
        var stopped = Fixtures.web
        stopped.status = .shutoff  // the reinstall's own stop step
        _ = reduce(&state, .submittedServerRead(
            id: Fixtures.web.id, .found(stopped), at: Fixtures.now + SubmissionMark.unclearWindow + 60))
        #expect(state.submissions[Fixtures.web.id]?.phase == .unclear, "a changed status keeps the mark")
    }

    @Test func quittingWhileAReinstallIsBeingSubmittedIsRefusedWithTheReason() throws {
        var (state, _) = try submittedWeb()
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .key(.character("q")))
        #expect(!state.quitRequested)
        #expect(state.flash?.text.contains("is being submitted") == true, "\(String(describing: state.flash))")
        _ = reduce(&state, .reinstallAccepted(jobId: "j-1", serverId: Fixtures.web.id, serverName: "web-01",
                                              api: .v2, at: Fixtures.now))
        _ = reduce(&state, .key(.character("q")))
        #expect(state.askingToQuit, "the job accepted runs on in the cloud: quitting asks first")
        _ = reduce(&state, .key(.character("y")))
        #expect(state.quitRequested)
    }

    @Test func theFormReadsItsServerAgainAndABusyAnswerSaysSo() throws {
        var state = Fixtures.loadedState()
        state.servers.selectedId = Fixtures.web.id
        let effects = reduce(&state, .key(.enter))
        #expect(effects.first == .checkServer(id: Fixtures.web.id))
        var busy = Fixtures.web
        busy.taskState = "rebooting"
        _ = reduce(&state, .serverChecked(id: Fixtures.web.id, .found(busy)))
        #expect(state.form?.server.taskState == "rebooting")
        #expect(state.form?.error?.contains("busy") == true)
    }

    /// The runner turns each submission result into the event `reduce` expects.
    @Test func submissionResultsBecomeTheirEvents() throws {
        var (_, plan) = try submittedWeb()
        plan.request.adminPass = nil
        let now = Fixtures.now
        let ignore: @Sendable (AppEvent) -> Void = { _ in }
        let unknown = ReinstallOutcome.unknown(server: nil, cause: .transport("the request timed out"))
        #expect(EffectRunner.event(for: .judged(unknown), plan: plan, at: now, send: ignore)
            == .reinstallUnclear(serverId: plan.serverId, advice: unknown.message, started: false, at: now))
        let started = ReinstallOutcome.startedWithoutJobId(server: Fixtures.web, cause: .transport("lost"))
        #expect(EffectRunner.event(for: .judged(started), plan: plan, at: now, send: ignore)
            == .reinstallUnclear(serverId: plan.serverId, advice: started.message, started: true, at: now))
        let refused = ReinstallOutcome.notStarted(cause: .configuration("refused"))
        #expect(EffectRunner.event(for: .judged(refused), plan: plan, at: now, send: ignore)
            == .reinstallFailed(serverId: plan.serverId, refused.message))
        #expect(EffectRunner.event(for: .refused(reason: "Nothing was sent; busy", server: Fixtures.web), plan: plan,
                                   at: now, send: ignore)
            == .reinstallFailed(serverId: plan.serverId, "Nothing was sent; busy"))
    }
}
