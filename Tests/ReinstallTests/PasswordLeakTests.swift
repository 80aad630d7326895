import Foundation
import HuaweiCloud
import Reinstall
import Testing

/// No checklist line or refusal quotes the password: a failed rule is named, not what matched.
/// The rules' own wording is taken out first (it names `root`, `Administrator`, …); whatever is
/// left must not contain any 3-character piece of the password, in any case.
@Suite struct PasswordLeakTests {
    static let failing = [
        "rootabc", "xTOOR9!qz", "Gx7!root2v", "Gx7!Admin2v", "Passw0rd!mini", "Q7!istZ2Xw", "/Adm1n!str",
        "Administrator1!", "rotartsinimdA7!", "ab&cdefgh1", "sh0rt!", "nodigitsorupper",
        "Gx7!kPq2vZGx7!kPq2vZGx7!kPq2vZ", "Tra!n1ator",
    ]

    /// Every label that does not depend on the password, longest first.
    static let wording: [String] = [
        "only letters, digits and " + PasswordPolicy.allowedSpecials,
        "no 'rotartsinimdA' (reversed)", "no 3-letter run of Administrator", "no 'Administrator'",
        "confirmation: type the password again", "confirmation does not match", "confirmation matches",
        "3 of upper, lower, digit, special", "8–26 characters", "does not start with '/'",
        "no 'root' or 'toor'", "one login only: password", "Not sent: ", "password: ",
    ]

    static func pieces(of password: String) -> Set<String> {
        let chars = Array(password.lowercased())
        guard chars.count >= 3 else { return [] }
        return Set((0...(chars.count - 3)).map { String(chars[$0..<$0 + 3]) })
    }

    static func leaks(_ text: String, _ password: String) -> Set<String> {
        var rest = text
        for phrase in wording { rest = rest.replacingOccurrences(of: phrase, with: " | ") }
        let lowered = rest.lowercased()
        return pieces(of: password).filter { lowered.contains($0) }
    }

    static func server(os: String) -> Server {
        Server(id: "s-1", name: "web-01", status: .shutoff, imageId: "img", metadata: ["os_type": os],
               volumesAttached: [.init(id: "v", bootIndex: "0", device: "/dev/vda")])
    }

    @Test(arguments: failing, ["Linux", "Windows"])
    func noTextQuotesThePassword(password: String, os: String) {
        for confirmation in [password, password + "x", ""] {
            let draft = ReinstallDraft(
                server: Self.server(os: os),
                endpoint: .known(EndpointDecision(api: .v1, reason: "test", confidence: .certain)),
                login: .password(Secret(password), confirmation: Secret(confirmation)), stopFirst: false)
            let validation = DraftValidation(draft)
            var texts = validation.checks.map(\.label) + validation.warnings
            if let refusal = validation.refusal { texts.append(refusal) }
            texts += PasswordPolicy.evaluate(password: password, confirmation: confirmation,
                                             os: os == "Windows" ? .windows : .linux).map(\.label)
            for text in texts {
                #expect(Self.leaks(text, password).isEmpty, "\(text)")
            }
        }
    }

    /// The table above must hold passwords that fail: a refusal is what is being read.
    @Test(arguments: failing)
    func eachRowFailsSomewhere(password: String) {
        let linux = PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux)
        let windows = PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .windows)
        #expect(!(linux && windows))
    }

    @Test func theCheckerItselfSeesAQuotedFragment() {
        // The old wording, to show the test would catch it.
        #expect(Self.leaks("no 'root' or 'toor' ('root' found)", "xrootabc") == ["roo", "oot"])
        #expect(Self.leaks("no 3-letter run of Administrator ('min' found)", "Passw0rd!mini") == ["min"])
    }
}
