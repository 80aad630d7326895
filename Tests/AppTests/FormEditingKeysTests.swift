import Foundation
import HuaweiCloud
import Reinstall
import SecretStorage
import TerminalKit
import Testing

@testable import App

/// The readline keys reach every field of the form, and Alt-Backspace (ESC then DEL) is a word
/// deletion, never the Esc that closes the form.
struct FormEditingKeysTests {
    private func windowsPasswordForm(_ password: String) -> AppState {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        FormKeys.type(password, into: &state)
        return state
    }

    /// The keys as the terminal reads them: ESC and DEL in one read.
    private func altBackspace() -> [Key] {
        KeyDecoder.pairingAlt([KeyDecoder.character(27), KeyDecoder.character(127)])
    }

    @Test func altBackspaceInThePasswordKeepsTheFormAndDeletesTheLastWord() throws {
        var state = windowsPasswordForm("Xk7#pQ2v9 typo")
        let secret = try #require(state.form?.password.secret)
        for key in altBackspace() { _ = reduce(&state, .key(key)) }
        let form = try #require(state.form, "the form stays open")
        #expect(form.password.secret == Secret("Xk7#pQ2v9 "))
        #expect(form.password.secret === secret)
        #expect(form.focus == .password)
        #expect(secret.rawStorage().dropFirst(10).allSatisfy { $0 == 0 }, "the deleted word is zeroed")
    }

    @Test func aLoneEscStillClosesTheForm() {
        var state = windowsPasswordForm("Xk7#pQ2v9")
        for key in KeyDecoder.pairingAlt([KeyDecoder.character(27)]) { _ = reduce(&state, .key(key)) }
        #expect(state.form == nil)
    }

    @Test func readlineKeysEditTheConfirmationOnTheReview() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        FormKeys.type("web-01 extra", into: &state)
        _ = reduce(&state, .key(.control("w")))
        _ = reduce(&state, .key(.control("a")))
        _ = reduce(&state, .key(.control("k")))
        FormKeys.type("web-01", into: &state)
        #expect(state.form?.confirmName.text == "web-01")
        #expect(state.form?.isReviewing == true)
        #expect(FormKeys.plan(reduce(&state, .key(.enter))) != nil)
    }

    @Test func unboundAltKeysChangeNothing() throws {
        var state = windowsPasswordForm("abc")
        let before = try #require(state.form)
        _ = reduce(&state, .key(.alt(.character("x"))))
        #expect(state.form == before)
    }

    @Test func theFilterTakesTheReadlineKeys() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .key(.character("/")))
        FormKeys.type("web db", into: &state)
        _ = reduce(&state, .key(.alt(.backspace)))
        #expect(state.servers.filterField?.text == "web ")
        _ = reduce(&state, .key(.control("u")))
        #expect(state.servers.filterField?.text == "", "emptied, the filter line stays open")
    }
}
