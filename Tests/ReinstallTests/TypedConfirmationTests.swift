import Reinstall
import Testing

/// The one confirmation rule of the form and of `reinstall` without `--yes`.
struct TypedConfirmationTests {
    @Test(arguments: [
        ("web-01", true),
        ("  web-01 ", true),  // spaces around do not count
        ("3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01", true),  // the id, for names that cannot be typed
        (" 3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01", true),
        ("web-0", false),
        ("WEB-01", false),
        ("", false),
        ("   ", false),
        ("3f1c9a2e", false),  // part of the id is not the id
    ])
    func acceptsTheShownNameOrTheId(typed: String, accepted: Bool) {
        #expect(TypedConfirmation.accepts(typed, shownName: "web-01", serverId: "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01") == accepted)
    }

    @Test func aNameWithSpacesAroundIsTypedAsShownOrTrimmed() {
        #expect(TypedConfirmation.accepts(" odd ", shownName: " odd ", serverId: "id"))
        #expect(TypedConfirmation.accepts("odd", shownName: " odd ", serverId: "id"))
    }
}
