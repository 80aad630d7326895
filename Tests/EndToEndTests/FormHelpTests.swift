import Foundation
import ScreenCapture
import Testing

/// The form's help through a real terminal: F1 reaches it as curses decodes it, and `?` in a text
/// field is typed, not taken.
@Suite("End to end: the form's help", .timeLimit(.minutes(1)))
struct FormHelpTests {
    @Test("F1 opens the form's keys; `?` in the key pair filter is typed")
    func f1OpensTheFormsHelp() async throws {
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: try AppBinary.locate())
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "F1/? help")
        try await tmux.press("F1")
        let help = try await tmux.waitFor("Keys of the reinstall form", "Esc close the help")
        #expect(help.contains("close the form: nothing is sent"), "\(tmux.screenDump)")
        try await tmux.press("Escape")
        try await tmux.waitUntil("the help to close") { !$0.contains("Keys of the reinstall form") }

        // On the key pair line (a text field: its filter) `?` is text and F1 is the help.
        try await tmux.press("Down")
        try await tmux.waitFor("F1 help")
        try await tmux.type("?")
        let typed = try await tmux.waitFor("filter: ? (0 of")
        #expect(!typed.contains("Keys of the reinstall form"), "\(tmux.screenDump)")
        try await tmux.press("Escape")
        try await tmux.press("q")
    }
}
