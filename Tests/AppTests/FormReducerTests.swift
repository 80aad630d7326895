import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

struct FormReducerTests {
    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = reduce(&state, .key(.character(character))) }
    }

    /// Types the server's name on the review step and presses Enter.
    private func confirmByName(_ state: inout AppState) -> [Effect] {
        #expect(state.form?.isReviewing == true, "the review step must be showing")
        type(state.form?.server.name ?? "", into: &state)
        return reduce(&state, .key(.enter))
    }

    private func focus(_ field: ReinstallForm.Field, in state: inout AppState) {
        for _ in 0..<14 where state.form?.focus != field { _ = reduce(&state, .key(.tab)) }
        #expect(state.form?.focus == field)
    }

    @Test func linuxOnAPublicImageDefaultsToAKeyPairOnV2() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let form = try #require(state.form)
        let context = formContext(state, form)
        #expect(context.decision?.api == .v2)
        #expect(form.effectiveLogin(context) == .keypair)
        focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [], "Enter on the button only opens the review")
        let effects = confirmByName(&state)
        let plan = try #require(effects.first.flatMap { effect -> ReinstallPlan? in
            if case let .submitReinstall(plan) = effect { return plan }
            return nil
        })
        #expect(plan.api == .v2)
        #expect(plan.path(projectId: "p") == "/v2/p/cloudservers/s-web/reinstallos")
        #expect(plan.request == ReinstallRequest(keyName: "deploy-rsa", userId: "user-7e25", withStopServer: true))
        #expect(state.form?.submitting == true)
    }

    @Test func arrowsChooseAnotherKeypair() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        focus(.keypair, in: &state)
        _ = reduce(&state, .key(.right))
        let form = try #require(state.form)
        #expect(form.selectedKeypair(formContext(state, form))?.name == "ops-ed25519")
    }

    @Test func windowsWithoutCloudInitTakesAPasswordOnlyOnV1() throws {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        let form = try #require(state.form)
        let context = formContext(state, form)
        #expect(context.decision?.api == .v1)
        #expect(form.keypairAllowed(context).allowed == false)
        #expect(form.effectiveLogin(context) == .password)
        focus(.login, in: &state)
        _ = reduce(&state, .key(.right))
        #expect(state.form.map { $0.effectiveLogin(formContext(state, $0)) } == .password)
    }

    @Test func theChecklistUpdatesOnEveryKeystroke() throws {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        focus(.password, in: &state)
        var failing: [Int] = []
        for character in "Xk7#pQ2v9!Lm" {
            _ = reduce(&state, .key(.character(character)))
            let form = try #require(state.form)
            failing.append(form.checklist(formContext(state, form)).filter { $0.mark == .failed }.count)
        }
        // Fewer rules fail as the password grows; the confirmation still fails at the end.
        #expect(failing.first ?? 0 > failing.last ?? 0)
        #expect(failing.last == 1)
        focus(.confirmation, in: &state)
        type("Xk7#pQ2v9!Lm", into: &state)
        let form = try #require(state.form)
        #expect(form.canSubmit(formContext(state, form)))
    }

    @Test func aWindowsPasswordWithARunOfAdministratorIsRefusedBeforeSending() throws {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        focus(.password, in: &state)
        type("Passw0rd!mini", into: &state)
        focus(.confirmation, in: &state)
        type("Passw0rd!mini", into: &state)
        let form = try #require(state.form)
        let failed = form.checklist(formContext(state, form)).filter { $0.mark == .failed }
        #expect(failed.contains { $0.label.contains("Administrator") })
        focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error?.hasPrefix("Not sent: password: no 3-letter run of Administrator") == true)
        #expect(state.form?.submitting == false)
    }

    @Test func submitWaitsForTheImage() throws {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.enter))
        focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error != nil)
    }

    @Test func anUnreadableImageFallsBackToV1WithAWarning() throws {
        let state = Fixtures.formState(for: Fixtures.web, image: nil)
        let form = try #require(state.form)
        let decision = try #require(formContext(state, form).decision)
        #expect(decision.api == .v1)
        #expect(decision.confidence == .unknown)
    }

    @Test func aPasswordReinstallOfALinuxServerSendsTheSecret() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        focus(.login, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        focus(.password, in: &state)
        type("Xk7#pQ2v9!Lm", into: &state)
        focus(.confirmation, in: &state)
        type("Xk7#pQ2v9!Lm", into: &state)
        focus(.stopServer, in: &state)
        _ = reduce(&state, .key(.character(" ")))  // untick "stop first": a running server then fails
        focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        focus(.stopServer, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let effects = confirmByName(&state)
        guard case let .submitReinstall(plan)? = effects.first else {
            Issue.record("expected a submit, got \(effects)")
            return
        }
        #expect(plan.request.adminPass?.reveal() == "Xk7#pQ2v9!Lm")
        #expect(plan.request.keyName == nil)
        #expect(plan.request.withStopServer)
    }

    @Test func escapeClosesTheFormAndWipesThePassword() {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        focus(.password, in: &state)
        type("secret", into: &state)
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
    }

    @Test func aRefusedSubmitKeepsTheValuesAndShowsTheError() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(!confirmByName(&state).isEmpty)
        _ = reduce(&state, .reinstallFailed(serverId: Fixtures.web.id, "Key pair does not exist (HTTP 400, Ecs.0314)"))
        let form = try #require(state.form)
        #expect(!form.submitting)
        #expect(form.error?.contains("Ecs.0314") == true)
        #expect(form.focus == .submit)
        #expect(!form.isReviewing, "back to the fields, so the fix can be made")
        #expect(form.selectedKeypair(formContext(state, form))?.name == "deploy-rsa")
    }
}
