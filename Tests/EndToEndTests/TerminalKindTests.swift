import Foundation
import ScreenCapture
import Testing

/// Terminals the full-screen UI cannot use are refused with a way out; terminals without an
/// alternate screen get a clean screen back.
@Suite("End to end: terminal kinds", .timeLimit(.minutes(1)))
struct TerminalKindTests {
    /// Runs the demo with `prefix` before the binary (an environment change) and waits for its status.
    private func runDemo(_ tmux: TmuxSession, binary: URL, prefix: String) async throws {
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        try await tmux.type("\(prefix) \(quoted) --demo; echo \"EXITED=$?\"")
        try await tmux.press("Enter")
    }

    @Test("TERM=dumb, no TERM and an unknown TERM exit 2 with the message, drawing nothing",
          arguments: [("TERM=dumb", "this terminal (TERM=dumb) cannot run the full-screen interface"),
                      ("env -u TERM", "this terminal (TERM is not set) cannot run the full-screen interface"),
                      ("TERM=no-such-terminal", "this terminal (TERM=no-such-terminal, unknown to curses)")])
    func unusableTerminalsAreRefused(prefix: String, message: String) async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 240, height: 20)  // the message on one line
        try await runDemo(tmux, binary: binary, prefix: prefix)
        let screen = try await tmux.waitFor("EXITED=2")
        #expect(screen.contains("ecs-reinstall: " + message), "\(tmux.screenDump)")
        #expect(screen.contains("use the script commands: ecs-reinstall servers / reinstall / job, or set TERM=xterm-256color"),
                "\(tmux.screenDump)")
        #expect(!screen.contains("DEMO"), "no UI was drawn\n\(tmux.screenDump)")
    }

    @Test("TERM=vt100 (no alternate screen): after q no part of the UI is left on the screen")
    func noAlternateScreenIsClearedOnExit() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        try await runDemo(tmux, binary: binary, prefix: "TERM=vt100")
        try await tmux.waitFor("DEMO — simulated cloud", "12 servers", "web-01")
        #expect(try await tmux.display("#{alternate_on}") == "0", "vt100 has no alternate screen")
        try await tmux.press("q")
        let after = try await tmux.waitFor("EXITED=0")
        for left in ["DEMO — simulated cloud", "12 servers", "web-01", "q quit"] {
            #expect(!after.contains(left), "\"\(left)\" was left on the screen\n\(tmux.screenDump)")
        }
    }

    @Test("Alt-Backspace in the password field deletes the last word and keeps the form open")
    func altBackspaceInThePassword() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)
        try await tmux.press("/")
        try await tmux.type("win-ad")
        try await tmux.press("Enter")
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of win-ad-01", "(•) Password only")
        try await tmux.press("Tab")  // Login → Password
        try await tmux.type("Xk7pQ2v9 typo")
        try await tmux.waitUntil("13 bullets") { AppScreen.formLine($0, label: "Password")?.contains("[" + String(repeating: "•", count: 13) + " ") == true }
        try await tmux.press("M-BSpace")  // ESC then DEL, as terminals send Alt-Backspace
        let edited = try await tmux.waitUntil("9 bullets: the last word gone") {
            AppScreen.formLine($0, label: "Password")?.contains("[" + String(repeating: "•", count: 9) + " ") == true
        }
        #expect(edited.contains("Reinstall the OS of win-ad-01"), "the form is still open\n\(tmux.screenDump)")
        // Ctrl-W and Ctrl-U too; a lone Esc still closes the form.
        try await tmux.type("more")
        try await tmux.press("C-w")
        try await tmux.press("C-a")
        try await tmux.press("C-k")
        try await tmux.waitUntil("an empty password field") { AppScreen.formLine($0, label: "Password")?.contains("[•") == false }
        try await tmux.press("Escape")
        try await tmux.waitUntil("the list again") { !$0.contains("Reinstall the OS of") && $0.contains("win-ad-01") }
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")
    }
}
