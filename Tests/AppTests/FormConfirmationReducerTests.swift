import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

struct FormConfirmationReducerTests {
    private func reviewing() -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        FormKeys.focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        return state
    }

    @Test func theButtonOpensTheReviewOfExactlyWhatWillBeSent() throws {
        let state = reviewing()
        guard case let .review(plan)? = state.form?.stage else {
            Issue.record("expected the review step")
            return
        }
        #expect(plan.request == ReinstallRequest(keyName: "deploy-rsa", userId: "user-7e25", withStopServer: true))
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains("POST /v2/0a1b2c3d4e5f40718293a4b5c6d7e8f9/cloudservers/s-web/reinstallos"))
        #expect(text.contains("\"keyname\": \"deploy-rsa\","))
    }

    @Test(arguments: ["", "   ", "web-0", "WEB-01", "web-02", "web-0 1", "s-we", "s-web s-web"])
    func enterSendsNothingUnlessTheNameOrIdMatches(typed: String) {
        var state = reviewing()
        FormKeys.type(typed, into: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.submitting == false)
        #expect(state.form?.isReviewing == true)
        #expect(state.form?.error?.contains("web-01") == true)
    }

    @Test func theExactNameSendsThePlanOnce() throws {
        var state = reviewing()
        FormKeys.type("web-01", into: &state)
        let effects = reduce(&state, .key(.enter))
        #expect(effects.count == 1)
        #expect(FormKeys.plan(effects)?.serverName == "web-01")
        #expect(state.form?.submitting == true)
        #expect(reduce(&state, .key(.enter)) == [], "a second Enter while submitting sends nothing")
    }

    /// Spaces around the typed name do not count; the server's id is accepted too, for names a
    /// keyboard cannot type (CJK without an input method, emoji).
    @Test(arguments: ["web-01 ", "  web-01", "s-web", " s-web  "])
    func theNameWithSpacesOrTheIdSends(typed: String) throws {
        var state = reviewing()
        FormKeys.type(typed, into: &state)
        let effects = reduce(&state, .key(.enter))
        #expect(FormKeys.plan(effects)?.serverId == "s-web")
        #expect(state.form?.submitting == true)
    }

    @Test func theReviewSaysTheIdIsAcceptedAndShowsIt() {
        let text = render(reviewing()).lines.joined(separator: " ")
        #expect(text.contains("Type the name or the id (s-web) to confirm"))
    }

    @Test func aCJKNameIsConfirmedByItsId() throws {
        let server = Fixtures.server("s-cjk", "华北区域-生产环境-节点-00030")
        var state = Fixtures.formState(for: server, image: Fixtures.goldImage, among: [server])
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        FormKeys.type("s-cjk", into: &state)
        #expect(FormKeys.plan(reduce(&state, .key(.enter)))?.serverId == "s-cjk")
    }

    @Test func escapeOnTheReviewGoesBackWithEveryValueKept() throws {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        FormKeys.type("Xk7#pQ2v9!Lm", into: &state)
        FormKeys.focus(.confirmation, in: &state)
        FormKeys.type("Xk7#pQ2v9!Lm", into: &state)
        FormKeys.focus(.byol, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        FormKeys.type("win-", into: &state)
        _ = reduce(&state, .key(.escape))
        let form = try #require(state.form, "Esc on the review goes back to the form, not out of it")
        #expect(!form.isReviewing)
        #expect(form.password.secret == Secret("Xk7#pQ2v9!Lm"))
        #expect(form.options.byol)
        #expect(form.confirmName.text.isEmpty)
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
    }

    @Test func theReviewScreenNeverShowsThePassword() {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        FormKeys.type("Xk7#pQ2v9!Lm", into: &state)
        FormKeys.focus(.confirmation, in: &state)
        FormKeys.type("Xk7#pQ2v9!Lm", into: &state)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains("\"adminpass\": \"••••\""))
        #expect(!text.contains("Xk7#pQ2v9!Lm"))
    }

    @Test func anErrorServerOpensWithAWarningAndBusyServersDoNot() {
        let error = Fixtures.server("s-err", "cache-01", status: .error)
        var busy = Fixtures.server("s-busy", "busy-01", status: .active)
        busy.taskState = "powering-off"
        let rebooting = Fixtures.server("s-reboot", "reboot-01", status: .reboot)
        var state = Fixtures.formState(for: error, image: Fixtures.goldImage, among: [error, busy, rebooting])
        #expect(state.form?.warning?.contains("ERROR") == true)
        #expect(render(state).lines.joined().contains("⚠ cache-01 is in ERROR"))
        _ = reduce(&state, .key(.escape))

        state.servers.selectedId = busy.id
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form == nil)
        #expect(state.flash?.text == "busy-01 is busy (task powering-off, status ACTIVE): wait for the task to finish.")

        state.servers.selectedId = rebooting.id
        _ = reduce(&state, .key(.enter))
        #expect(state.form == nil)
        #expect(state.flash?.text == "reboot-01 is REBOOT: wait for it to reach ACTIVE or SHUTOFF.")
    }
}
