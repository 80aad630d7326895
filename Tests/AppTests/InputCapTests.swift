import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// Every text field takes a bounded amount (a paste of anything stays cheap), and a field that
/// refused the rest says so on the screen rather than losing it silently.
struct InputCapTests {
    private func paste(_ count: Int, into state: inout AppState, _ character: Character = "a") {
        for _ in 0..<count { _ = reduce(&state, .key(.character(character))) }
    }

    @Test func theFilterKeeps256CharactersAndSaysItCut() {
        var state = Fixtures.loadedState(width: 120)
        _ = reduce(&state, .key(.character("/")))
        paste(300, into: &state)
        #expect(state.servers.filterField?.count == InputLimits.filter)
        #expect(state.servers.catalog.filter.text.count == InputLimits.filter)
        #expect(state.servers.filterField?.overflowed == true)
        #expect(render(state).lines.joined().contains("cut at 256 characters"))
        _ = reduce(&state, .key(.backspace))
        #expect(state.servers.filterField?.overflowed == false)
        #expect(!render(state).lines.joined().contains("cut at"))
    }

    @Test func thePasswordKeeps256AndTheChecklistSaysTooLong() {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        paste(1000, into: &state, "x")
        #expect(state.form?.password.count == InputLimits.password)
        let failing = FormKeys.checklist(state).filter { $0.mark == .failed }.map(\.label)
        #expect(failing.contains("pasted text cut at 256 characters: far too long"), "\(failing)")
        #expect(failing.contains { $0.hasPrefix("8–26 characters (now 256)") }, "\(failing)")
        #expect(state.form?.canSubmit(FormKeys.context(state)!) == false)
    }

    @Test func theTypedConfirmationIsCappedAndSaysSo() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        paste(5000, into: &state, "w")
        let field = try #require(state.form?.confirmName)
        #expect(field.count == InputLimits.confirmation(for: "web-01") && field.overflowed)
        #expect(render(state).lines.joined().contains("cut at 300 characters"))
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error?.contains("far longer than the server's name") == true)
    }

    @Test func theUserDataPathKeepsPathMax() {
        var options = FormOptions()
        for _ in 0..<5000 { _ = options.userDataPath.apply(.character("p")) }
        #expect(options.userDataPath.count == 4096 && options.userDataPath.overflowed)
        #expect(options.hasUserDataPath)
    }

    @Test func aNameWithControlCharactersIsShownAndConfirmedAsShown() throws {
        let tricky = Fixtures.server("s-esc", "evil\u{1B}]0;owned\u{07}\u{9B}2J", status: .shutoff, ip: "192.168.0.99")
        var state = Fixtures.formState(for: tricky, image: Fixtures.goldImage, among: [tricky])
        let shown = "evil\\x1B]0;owned\\x07\\x9B2J"
        #expect(state.form?.shownName == shown)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        let screen = render(state).lines.joined(separator: "\n")
        #expect(screen.contains(shown))
        #expect(!screen.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        // The controls cannot be typed (a field takes printable characters only) …
        for character in tricky.name { _ = reduce(&state, .key(.character(character))) }
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error?.contains(shown) == true)
        // … the name as shown confirms.
        _ = reduce(&state, .key(.clearLine))
        FormKeys.type(shown, into: &state)
        let effects = reduce(&state, .key(.enter))
        #expect(FormKeys.plan(effects)?.serverId == "s-esc")
    }

    @Test func theFilterSearchesNamesAsShown() {
        let tricky = Fixtures.server("s-esc", "evil\u{1B}[31m", status: .shutoff, ip: "192.168.0.99")
        var state = Fixtures.formState(for: tricky, image: Fixtures.goldImage, among: [tricky])
        _ = reduce(&state, .key(.escape))
        _ = reduce(&state, .key(.character("/")))
        FormKeys.type("\\x1b[31m", into: &state)
        #expect(state.servers.catalog.visible.count == 1)
    }
}
