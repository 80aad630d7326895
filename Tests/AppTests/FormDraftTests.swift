import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// The form drives the shared draft validation: the server's own key by default, a login that
/// user data never replaces, and the refusals in the words `reinstall` prints.
struct FormDraftTests {
    private static let strong = "Xk7#pQ2v9!Lm"
    private static let script = Data("#cloud-config\nusers: [{name: ops}]\n".utf8)

    private static func server(key: String?) -> Server {
        var server = Fixtures.server("s-key", "app-key", status: .shutoff, ip: "192.168.0.77")
        server.keyName = key
        return server
    }

    private func formState(key: String?) -> AppState {
        let server = Self.server(key: key)
        return Fixtures.formState(for: server, image: Fixtures.goldImage, among: [server])
    }

    private func typePassword(_ state: inout AppState) {
        FormKeys.focus(.password, in: &state)
        FormKeys.type(Self.strong, into: &state)
        FormKeys.focus(.confirmation, in: &state)
        FormKeys.type(Self.strong, into: &state)
    }

    private func chooseLogin(_ kind: ReinstallForm.LoginKind, _ state: inout AppState) {
        FormKeys.focus(.login, in: &state)
        for _ in 0..<3 where state.form?.login != kind { _ = reduce(&state, .key(.right)) }
        #expect(state.form?.login == kind)
    }

    /// Types a user data path one character at a time, leaves the field, and answers the read.
    private func giveUserData(_ state: inout AppState, loginEachKey: ReinstallForm.LoginKind) {
        FormKeys.focus(.userData, in: &state)
        for character in "/tmp/users.yaml" {
            _ = reduce(&state, .key(.character(character)))
            #expect(state.form.map { $0.effectiveLogin(formContext(state, $0)) } == loginEachKey,
                    "typing a path never changes the login")
        }
        _ = reduce(&state, .key(.enter))  // leaves the field (Tab would complete the path)
        _ = reduce(&state, .userDataRead(path: "/tmp/users.yaml", .success(Self.script)))
    }

    // MARK: - The server's own key

    @Test func theServersCurrentKeyIsPreselectedAndMarked() throws {
        var state = formState(key: "ops-ed25519")
        let form = try #require(state.form)
        #expect(form.selectedKeypair(formContext(state, form))?.name == "ops-ed25519", "not the first in the list")
        FormKeys.focus(.keypair, in: &state)
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains("◂ ops-ed25519 ▸ (current)"), "\(text)")
        #expect(text.contains("(current) SHA256:ops"), "the picker marks it: \(text)")
        #expect(!text.contains("(current) SHA256:deploy"))
    }

    @Test func theReviewWarnsWhenTheLoginKeyChanges() throws {
        var state = formState(key: "ops-ed25519")
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        #expect(!render(state).lines.joined().contains("login key changes"), "its own key: no warning")
        _ = reduce(&state, .key(.escape))
        FormKeys.focus(.keypair, in: &state)
        _ = reduce(&state, .key(.right))
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("⚠ The login key changes: app-key has key pair 'ops-ed25519' today;"), "\(text)")
    }

    @Test func aServerWithoutAKeyGetsNoKeyByDefaultAndAChosenOneIsWarned() throws {
        var state = formState(key: nil)
        #expect(state.form?.keypair.selected(Fixtures.keypairs) == nil, "no key the server never had is picked for it")
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label == "no key pair chosen: pick one from the list" })
        FormKeys.focus(.keypair, in: &state)
        _ = reduce(&state, .key(.right))
        #expect(state.form?.keypair.chosenName == "deploy-rsa", "→ from no choice picks the first")
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("app-key has no key pair today; after the reinstall it takes 'deploy-rsa'."), "\(text)")
    }

    @Test func userDataTypedOnV2IsRefusedNotDroppedWhenTheEndpointTurnsToV1() throws {
        var state = formState(key: "deploy-rsa")
        giveUserData(&state, loginEachKey: .keypair)
        FormKeys.focus(.endpoint, in: &state)
        _ = reduce(&state, .key(.left))  // the first press confirms the suggested v2
        _ = reduce(&state, .key(.left))  // the second switches to v1
        let context = try #require(FormKeys.context(state))
        #expect(context.decision?.api == .v1)
        #expect(state.form?.fields(context).contains(.userData) == true, "kept in view, so it can be cleared")
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label.hasPrefix("user data needs the v2 endpoint") })
        #expect(FormKeys.plan(FormKeys.reviewAndConfirm(&state)) == nil)
    }

    // MARK: - User data never replaces the login

    @Test func aKeyPairIsKeptWhenAUserDataPathIsTypedAndSentWithIt() throws {
        var state = formState(key: "deploy-rsa")
        giveUserData(&state, loginEachKey: .keypair)
        #expect(FormKeys.checklist(state).allSatisfy { $0.mark == .passed }, "\(FormKeys.checklist(state))")
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.keyName == "deploy-rsa" && plan.request.userId == "user-7e25")
        #expect(plan.request.metadata["user_data"] == Self.script.base64EncodedString())
    }

    @Test func aPasswordWithUserDataOnLinuxV2IsRefusedWithTheReason() throws {
        var state = formState(key: nil)
        chooseLogin(.password, &state)
        typePassword(&state)
        giveUserData(&state, loginEachKey: .password)
        let failed = FormKeys.checklist(state).filter { $0.mark == .failed }.map(\.label)
        #expect(failed == [DraftValidation.passwordIgnoredLabel])
        FormKeys.focus(.submit, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.form?.isReviewing == false)
        #expect(state.form?.error == "Not sent: " + DraftValidation.passwordIgnoredLabel)
    }

    @Test func noLoginIsAnExplicitChoiceOnlyOnV2AndWarnedOnTheReview() throws {
        var state = formState(key: nil)
        let context = try #require(FormKeys.context(state))
        #expect(state.form?.loginChoices(context) == [.keypair, .password, .userData])
        chooseLogin(.userData, &state)
        #expect(FormKeys.checklist(state).contains {
            $0.mark == .failed && $0.label.hasPrefix("no login: choose a key pair or a password")
        })
        giveUserData(&state, loginEachKey: .userData)
        #expect(FormKeys.checklist(state).contains {
            $0.mark == .passed && $0.label == "no key pair, no password: the user data must create a login"
        })
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let text = render(state).lines.joined(separator: " ")
        #expect(text.contains("⚠ No key pair and no password: the user data must create a login"), "\(text)")
        FormKeys.type("app-key", into: &state)
        let plan = try #require(FormKeys.plan(reduce(&state, .key(.enter))))
        #expect(plan.request.keyName == nil && plan.request.adminPass == nil && plan.request.metadata["user_data"] != nil)

        // On v1 (Windows without Cloud-Init) there is no such choice.
        let windows = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        #expect(windows.form.map { $0.loginChoices(formContext(windows, $0)) } == [.password])
    }

    // MARK: - One refusal for both front ends

    /// The draft `reinstall` builds from its options, for the same server and choices.
    private func commandDraft(_ state: AppState, login: ReinstallDraft.Login, userData: Bool) throws -> ReinstallDraft {
        let form = try #require(state.form)
        let decision = try #require(formContext(state, form).decision)
        return ReinstallDraft(
            server: form.server, endpoint: .known(decision), login: login, keypairs: .known(Fixtures.keypairs),
            userId: .known("user-7e25"), stopFirst: false,
            userData: userData ? .known(try UserData(path: "/tmp/users.yaml", bytes: Self.script)) : nil)
    }

    @Test func theFormRefusesInTheWordsOfTheCommand() throws {
        // A password with user data on Linux v2.
        var state = formState(key: nil)
        chooseLogin(.password, &state)
        typePassword(&state)
        giveUserData(&state, loginEachKey: .password)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let command = DraftValidation(try commandDraft(state, login: .password(Secret(Self.strong), confirmation: Secret(Self.strong)),
                                                       userData: true))
        #expect(command.refusal != nil)
        #expect(state.form?.error == command.refusal)

        // A weak password on a Windows server (v1).
        var windows = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &windows)
        FormKeys.type("Admin1strat0r!", into: &windows)
        FormKeys.focus(.confirmation, in: &windows)
        FormKeys.type("Admin1strat0r!", into: &windows)
        FormKeys.focus(.submit, in: &windows)
        _ = reduce(&windows, .key(.enter))
        let weak = DraftValidation(try commandDraft(windows, login: .password("Admin1strat0r!", confirmation: "Admin1strat0r!"),
                                                    userData: false))
        #expect(weak.refusal?.contains("3-letter run of Administrator") == true)
        #expect(windows.form?.error == weak.refusal)

        // The same checklist lines, in the same order, that the command judges.
        let form = try #require(state.form)
        #expect(form.checks(formContext(state, form)) == command.checks)
    }
}
