import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

struct FormPickerAndEndpointTests {
    private static let pairs = [
        Keypair(name: "deploy-rsa", type: "ssh", fingerprint: "SHA256:deploy"),
        Keypair(name: "ops-ed25519", type: "ssh", fingerprint: "SHA256:ops"),
        Keypair(name: "win-x509", type: "x509", fingerprint: "SHA256:win"),
    ]

    private func pickerState() -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = reduce(&state, .keypairsLoaded(Self.pairs, scope: state.journalScope))
        FormKeys.focus(.keypair, in: &state)
        return state
    }

    private func selected(_ state: AppState) -> String? {
        state.form.flatMap { $0.selectedKeypair(formContext(state, $0))?.name }
    }

    @Test func typingFiltersTheKeypairsByNameTypeOrFingerprint() {
        var state = pickerState()
        FormKeys.type("ops", into: &state)
        #expect(selected(state) == "ops-ed25519")
        _ = reduce(&state, .key(.backspace))
        _ = reduce(&state, .key(.backspace))
        _ = reduce(&state, .key(.backspace))
        FormKeys.type("x509", into: &state)  // the type
        #expect(selected(state) == "win-x509")
        #expect(state.form?.keypair.matching(Self.pairs).map(\.name) == ["win-x509"])
    }

    @Test func aFilterMatchingNothingFailsTheChecklist() {
        var state = pickerState()
        FormKeys.type("zzz", into: &state)
        #expect(selected(state) == nil)
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label == "no key pair chosen: pick one from the list" })
        FormKeys.focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.isReviewing == false)
    }

    @Test func arrowsMoveWithinTheFilteredPairsAndWrap() {
        var state = pickerState()
        FormKeys.type("ssh", into: &state)
        #expect(selected(state) == "deploy-rsa")
        _ = reduce(&state, .key(.right))
        #expect(selected(state) == "ops-ed25519")
        _ = reduce(&state, .key(.right))
        #expect(selected(state) == "deploy-rsa", "win-x509 is filtered out; the choice wraps")
        _ = reduce(&state, .key(.left))
        #expect(selected(state) == "ops-ed25519")
    }

    @Test func theChosenPairIsSent() throws {
        var state = pickerState()
        FormKeys.type("win", into: &state)
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.keyName == "win-x509")
        #expect(plan.request.userId == "user-7e25")
    }

    @Test func anImportedImageAsksForTheEndpoint() throws {
        var state = Fixtures.formState(for: Fixtures.imported, image: Fixtures.importedImage, among: [Fixtures.imported])
        let context = try #require(FormKeys.context(state))
        #expect(context.endpointUnanswered)
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label.hasPrefix("endpoint unknown") })
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.error?.contains("endpoint unknown") == true)
    }

    @Test func anOverrideIsRememberedForTheImageForTheRestOfTheRun() throws {
        var state = Fixtures.formState(for: Fixtures.imported, image: Fixtures.importedImage,
                                       among: [Fixtures.imported, Fixtures.imported2])
        FormKeys.focus(.endpoint, in: &state)
        _ = reduce(&state, .key(.right))  // the suggested v1, confirmed
        #expect(state.endpointOverrides == ["image:img-imported": .v1])
        _ = reduce(&state, .key(.right))  // then v1 → v2
        var context = try #require(FormKeys.context(state))
        #expect(context.decision?.api == .v2)
        #expect(context.decision?.reason == "chosen by you (image gave no answer)")
        #expect(!context.endpointUnanswered)
        #expect(state.endpointOverrides == ["image:img-imported": .v2])

        // Close, then open another server of the same image: the choice is still there.
        _ = reduce(&state, .key(.escape))
        state.servers.selectedId = Fixtures.imported2.id
        _ = reduce(&state, .key(.enter))
        context = try #require(FormKeys.context(state))
        #expect(context.decision?.api == .v2)
        #expect(state.form?.fields(context).contains(.userData) == true, "v2-only fields appear on v2")

        // A server of another image is not affected.
        _ = reduce(&state, .key(.escape))
        state.servers.selectedId = Fixtures.windows.id
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .imageLoaded(id: "img-win", Fixtures.windowsImage, scope: state.journalScope))
        #expect(FormKeys.context(state)?.decision?.api == .v1)
    }

    @Test func theFirstPressConfirmsTheSuggestionThenTheNextOnesFlip() throws {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.endpoint, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        #expect(state.endpointOverrides == ["image:img-win": .v1], "the first press keeps v1, the suggestion")
        #expect(FormKeys.context(state)?.decision?.api == .v1)
        _ = reduce(&state, .key(.character(" ")))
        var context = try #require(FormKeys.context(state))
        #expect(context.decision?.api == .v2)
        #expect(context.decision?.reason == "chosen by you (image suggested v1)")
        #expect(state.form?.keypairAllowed(context).allowed == true, "Windows on v2 may use a key pair")
        _ = reduce(&state, .key(.left))
        context = try #require(FormKeys.context(state))
        #expect(context.decision?.api == .v1)
    }

    @Test func upAndDownMoveInsideThePickersList() {
        var state = pickerState()
        #expect(selected(state) == "deploy-rsa", "the server's own key")
        _ = reduce(&state, .key(.down))
        #expect(selected(state) == "ops-ed25519")
        #expect(state.form?.focus == .keypair, "the focus stays on the picker")
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.up))
        #expect(selected(state) == "ops-ed25519")
        #expect(state.form?.focus == .keypair)
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.down))
        #expect(selected(state) == "win-x509", "stops at the last pair: no cycling through keys")
        _ = reduce(&state, .key(.tab))
        #expect(state.form?.focus != .keypair, "Tab still leaves it")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theChecklistStaysBesideThePicker(width: Int, height: Int) {
        var state = pickerState()
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains("Key pairs (3)"))
        #expect(text.contains("Checklist"))
        #expect(text.contains("ops-ed25519"))
    }

    /// Forty pairs, the chosen one near the end: it and the checklist are on screen, not on
    /// rows of the form's page that the window does not show.
    @Test(arguments: [(80, 24), (60, 16)])
    func manyPairsKeepTheChosenOneAndTheChecklistInView(width: Int, height: Int) {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        let many = (0..<40).map { Keypair(name: String(format: "team-key-%02d", $0), type: "ssh") }
        _ = reduce(&state, .keypairsLoaded(many, scope: state.journalScope))
        FormKeys.focus(.keypair, in: &state)
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        FormKeys.type("team-key-3", into: &state)
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.down))
        let chosen = selected(state) ?? "?"
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains(chosen), "\(chosen) is not in view\n\(text)")
        #expect(text.contains("Checklist"), "\(text)")
    }

    @Test func v2OnlyFieldsAreHiddenOnV1() throws {
        let state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        let form = try #require(state.form)
        let fields = form.fields(formContext(state, form))
        #expect(!fields.contains(.userData))
        #expect(fields == [.endpoint, .login, .password, .confirmation, .encrypt, .byol, .submit])
    }
}
