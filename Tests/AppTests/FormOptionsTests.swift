import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

struct FormOptionsTests {
    private func webForm() -> AppState { Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage) }

    /// Types a user data path and leaves the field with Enter: the effect that reads it. (Tab,
    /// with a path typed, completes it first: see `FormUserDataPathTests`.)
    private func enterUserDataPath(_ path: String, _ state: inout AppState) -> [Effect] {
        FormKeys.focus(.userData, in: &state)
        FormKeys.type(path, into: &state)
        return reduce(&state, .key(.enter))
    }

    @Test func leavingTheUserDataFieldReadsTheFileAsAnEffect() {
        var state = webForm()
        let effects = enterUserDataPath("/etc/cloud.yaml", &state)
        #expect(effects == [.readUserData(path: "/etc/cloud.yaml")])
        #expect(state.form?.options.userData == .reading(path: "/etc/cloud.yaml"))
        #expect(FormKeys.checklist(state).contains { $0.label == "user data: reading the file…" && $0.mark == .notApplicable })
        // Leaving it again without a change reads nothing more once loaded.
        _ = reduce(&state, .userDataRead(path: "/etc/cloud.yaml", .success(Data("#cloud-config\n".utf8))))
        FormKeys.focus(.userData, in: &state)
        #expect(reduce(&state, .key(.enter)) == [])
    }

    @Test func userDataOver32KBIsRefusedWithTheFix() {
        var state = webForm()
        _ = enterUserDataPath("/big", &state)
        _ = reduce(&state, .userDataRead(path: "/big", .success(Data(repeating: 0x61, count: 32 * 1024 + 1))))
        let failed = FormKeys.checklist(state).filter { $0.mark == .failed }
        #expect(failed.map(\.label) == [
            "user data is 32769 bytes: the limit is 32768 bytes (32 KB) before base64; gzip it or trim it",
        ])
    }

    @Test func userDataAtTheLimitIsAcceptedAndKeepsTheKeyPair() throws {
        var state = webForm()
        _ = enterUserDataPath("/ok", &state)
        _ = reduce(&state, .userDataRead(path: "/ok", .success(Data(repeating: 0x61, count: 32 * 1024))))
        let form = try #require(state.form)
        let context = formContext(state, form)
        #expect(form.effectiveLogin(context) == .keypair, "user data never replaces the login chosen")
        #expect(form.fields(context).contains(.keypair))
        #expect(FormKeys.checklist(state).allSatisfy { $0.mark == .passed })
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.keyName == "deploy-rsa")
        #expect(plan.request.adminPass == nil)
        #expect(plan.request.userId == "user-7e25")
        let base64Length: Int = (32 * 1024 + 2) / 3 * 4
        #expect(plan.request.metadata["user_data"]?.count == base64Length)
    }

    @Test func anUnreadableUserDataFileIsShownAndAStaleAnswerIgnored() {
        var state = webForm()
        _ = enterUserDataPath("/nope", &state)
        _ = reduce(&state, .userDataRead(path: "/other", .success(Data("x".utf8))))
        #expect(state.form?.options.userData == .reading(path: "/nope"))
        _ = reduce(&state, .userDataRead(path: "/nope", .failure(UserDataReadError("cannot open /nope"))))
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label == "user data: cannot open /nope" })
    }

    @Test(arguments: [
        ("", false), ("abc", false), (String(Fixtures.validCMK.dropLast()), false), (Fixtures.validCMK, true),
        (Fixtures.validCMK.replacingOccurrences(of: "-", with: "x"), false),
    ])
    func theCMKIdIsValidatedAsItIsTyped(id: String, valid: Bool) throws {
        var state = webForm()
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type(id, into: &state)
        let item = try #require(FormKeys.checklist(state).first { $0.label.hasPrefix("CMK id") })
        #expect(item.label == "CMK id: 36 characters, UUID form (now \(id.count))")
        #expect((item.mark == .passed) == valid)
        #expect(state.form.map { $0.canSubmit(formContext(state, $0)) } == valid)
    }

    @Test func encryptionAndBYOLGoIntoTheMetadata() throws {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.redHatImage)
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.right))
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type(Fixtures.validCMK, into: &state)
        FormKeys.focus(.byol, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.metadata == [
            "__system__encrypted": "1", "__system__cmkid": Fixtures.validCMK, "BYOL": "true",
        ])
        #expect(plan.request.keyName == "deploy-rsa")
    }

    @Test func untickingEncryptionDropsTheCMKField() throws {
        var state = webForm()
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        let context = try #require(FormKeys.context(state))
        #expect(state.form?.fields(context).contains(.cmkId) == true)
        _ = reduce(&state, .key(.character(" ")))
        #expect(state.form?.fields(context).contains(.cmkId) == false)
        #expect(!FormKeys.checklist(state).contains { $0.label.hasPrefix("CMK") })
    }

    @Test func ctrlRRevealsAndHidesBothPasswordFields() {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        #expect(state.form?.revealed == false)
        _ = reduce(&state, .key(.character("\u{12}")))
        #expect(state.form?.revealed == true)
        #expect(state.form?.confirmation.masked == false)
        #expect(state.form?.password.isEmpty == true, "the toggle key is not typed into the field")
        _ = reduce(&state, .key(.character("\u{12}")))
        #expect(state.form?.revealed == false)
    }
}
