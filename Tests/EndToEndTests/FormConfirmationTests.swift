import Foundation
import Testing

/// The typed confirmation, through a real terminal: Enter on the button only shows what will be
/// sent; nothing goes out until the server's exact name is typed.
@Suite("End to end: typed confirmation of a reinstall", .timeLimit(.minutes(1)))
struct FormConfirmationTests {
    @Test("Only the exact server name sends the reinstall; Esc goes back to the form with values kept")
    func onlyTheExactNameSends() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }
        try await tmux.press("Enter")
        try await tmux.waitUntil("the web-01 form to be complete") {
            !$0.contains("✗") && $0.contains("Enter: review what will be sent") && $0.contains("ops-ed25519 ▸ (current)")
        }
        try await tmux.press("BTab", "BTab")  // login → endpoint → (wrapping) the button; ↓ would move in the key pair list
        try await tmux.press("Enter")

        let review = try await tmux.waitFor("Review: reinstall the OS of web-01", "Type the name or the id")
        #expect(review.contains("POST /v2/"), "\(tmux.screenDump)")
        #expect(review.contains("\"keyname\": \"ops-ed25519\""), "\(tmux.screenDump)")
        #expect(review.contains("\"mode\": \"withStopServer\""), "\(tmux.screenDump)")

        // Enter-Enter does nothing: an empty or wrong name is refused and nothing is sent.
        try await tmux.press("Enter")
        try await tmux.waitFor("Type the server's name (or its id) to confirm: web-01")
        try await tmux.type("web-0")
        try await tmux.press("Enter")
        let refused = try await tmux.waitFor("That is neither the server's name nor its id: type web-01 exactly")
        #expect(!AppScreen.hasJobsPane(refused), "no job may be created\n\(tmux.screenDump)")

        // Esc goes back to the form, the choices kept.
        try await tmux.press("Escape")
        let back = try await tmux.waitFor("Reinstall the OS of web-01", "ops-ed25519 ▸ (current)")
        #expect(!back.contains("Review:"), "\(tmux.screenDump)")

        // Again, and this time the exact name.
        try await tmux.press("Enter")
        try await tmux.waitFor("Review: reinstall the OS of web-01")
        try await tmux.type("web-01")
        try await tmux.waitFor("Enter sends it")
        try await tmux.press("Enter")
        let submitted = try await tmux.waitUntil("the Jobs pane with web-01") {
            AppScreen.jobPane($0, server: "web-01") != nil
        }
        #expect(!submitted.contains("Review:"), "the form closes once sent\n\(tmux.screenDump)")
        #expect(AppScreen.jobPane(submitted, server: "web-01")?[1] == "v2", "\(tmux.screenDump)")
        try await tmux.press("q")
    }
}
