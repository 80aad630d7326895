import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

/// The form at the two sizes operators use, in its states; passwords are always masked here.
struct FormSnapshotTests {
    private func sized(_ state: AppState, _ width: Int, _ height: Int) -> AppState {
        var state = state
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        return state
    }

    /// web-01 (running, v2, a licensed image) with a password, user data, encryption and BYOL: the tallest form.
    private func fullForm() -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.redHatImage)
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type("0f5a7c3e-1b2d", into: &state)
        FormKeys.focus(.byol, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func windowsPasswordForm(width: Int, height: Int) {
        var state = sized(Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage), width, height)
        FormKeys.focus(.password, in: &state)
        FormKeys.type("Passw0rd!mini", into: &state)
        let screen = render(state)
        assertSnapshot(screen, named: "form-windows-password-\(width)x\(height)")
        let text = screen.lines.joined(separator: "\n")
        #expect(!text.contains("Passw0rd"), "the password must be masked")
        #expect(text.contains("^R reveal"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func optionsWithEncryptionAndBYOL(width: Int, height: Int) {
        let screen = render(sized(fullForm(), width, height))
        assertSnapshot(screen, named: "form-options-\(width)x\(height)")
        #expect(screen.lines.joined().contains("[ Reinstall web-01 ]"), "the button must stay on screen")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func noLoginChosenWithUserData(width: Int, height: Int) {
        var state = sized(Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage), width, height)
        FormKeys.focus(.login, in: &state)
        _ = reduce(&state, .key(.left))  // from the key pair back round to "None"
        #expect(state.form?.login == .userData)
        FormKeys.focus(.userData, in: &state)
        FormKeys.type("~/cloud.yaml", into: &state)
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .userDataRead(path: "~/cloud.yaml", .success(Data("#cloud-config\nchpasswd: {expire: false}\nruncmd: [ls]\n".utf8))))
        let screen = render(state)
        assertSnapshot(screen, named: "form-userdata-\(width)x\(height)")
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("must create a login"))
        #expect(text.contains("│ #cloud-config"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func keypairPickerWithAFilter(width: Int, height: Int) {
        var state = sized(Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage), width, height)
        FormKeys.focus(.keypair, in: &state)
        FormKeys.type("ops", into: &state)
        assertSnapshot(render(state), named: "form-keypair-picker-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func importedImageAsksForTheEndpoint(width: Int, height: Int) {
        let state = sized(Fixtures.formState(for: Fixtures.imported, image: Fixtures.importedImage,
                                             among: [Fixtures.imported]), width, height)
        assertSnapshot(render(state), named: "form-endpoint-ask-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func reviewWithTheNameHalfTyped(width: Int, height: Int) {
        var state = sized(fullForm(), width, height)
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type("-4e6f-8a9b-0c1d2e3f4a5b", into: &state)
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        FormKeys.type("web-", into: &state)
        let screen = render(state)
        assertSnapshot(screen, named: "form-review-\(width)x\(height)")
        #expect(screen.lines.joined().contains("Type the name or the id"))
    }
}
