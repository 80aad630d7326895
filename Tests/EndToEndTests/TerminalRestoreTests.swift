import Foundation
import ScreenCapture
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaving the app, by key or by signal, must hand the terminal back as it was found.
@Suite("End to end: the terminal is restored", .timeLimit(.minutes(1)))
struct TerminalRestoreTests {
    /// After the app ended: the status line, the tty modes, tmux's view of the terminal, a working shell.
    private func expectRestored(_ tmux: TmuxSession, status: Int32) async throws {
        // Whole output lines only: the typed command line itself contains "STTY=" and "EXITED=".
        let screen = try await tmux.waitUntil("EXITED=\(status) and an STTY line") { screen in
            let lines = AppScreen.lines(screen)
            return lines.contains("EXITED=\(status)") && lines.contains { $0.hasPrefix("STTY=") }
        }
        #expect(AppScreen.lines(screen).contains("STTY=unchanged"), "stty -g differs from before the app ran\n\(tmux.screenDump)")
        #expect(!screen.contains("DEMO — simulated cloud"), "the app's screen is still shown\n\(tmux.screenDump)")
        #expect(try await tmux.display("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(try await tmux.display("#{cursor_flag}") == "1", "the cursor is still hidden")
        #expect(try await tmux.display("#{keypad_cursor_flag}#{keypad_flag}") == "00", "keypad transmit mode left on")
        // The shell reads and echoes a line again.
        try await tmux.type("echo \"ok$((40 + 2))\"")
        try await tmux.press("Enter")
        try await tmux.waitFor("echo \"ok$((40 + 2))\"", "ok42")
    }

    @Test("q quits with status 0 and restores the terminal")
    func quitRestoresTheTerminal() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)
        #expect(try await tmux.display("#{alternate_on}") == "1", "the app should draw on the alternate screen")
        try await tmux.press("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test("SIGTERM ends the app with status 143 and restores the terminal")
    func sigtermRestoresTheTerminal() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)
        // Open the form and type into a password field, so curses is mid-session when the signal comes.
        try await tmux.press("G")  // imported-app, the last row: v1, password only
        try await tmux.waitUntil("imported-app selected", escapes: true) { AppScreen.selectedServer($0) == "imported-app" }
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of imported-app", "(•) Key pair")
        try await tmux.press("Right")  // key pair → password
        try await tmux.waitFor("(•) Password")
        try await tmux.press("Tab")
        try await tmux.type("Abc")
        try await tmux.waitFor("(now 3)")

        let pid = try await tmux.appPid()
        #expect(sendSignal(pid, SIGTERM) == 0, "kill(\(pid), SIGTERM) failed: errno \(errno)")
        try await expectRestored(tmux, status: 143)
    }

    @Test("Ctrl-\\ (SIGQUIT) while the list loads quits within 2 s with status 131: no backtrace, terminal restored")
    func sigquitRestoresTheTerminal() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        // Every request hangs: the listing is in flight when the key comes.
        try await tmux.launchDemo(binary: binary, arguments: ["--demo-faults", "hang=1"])
        try await tmux.waitFor("DEMO — simulated cloud", "Loading servers…")
        let pid = try await tmux.appPid()
        try await tmux.press("C-\\")
        let time = await ProcessWatch.timeUntilGone(pid, limit: .seconds(2))
        #expect(time != nil, "the app (pid \(pid)) was still running 2 s after Ctrl-\\\n\(tmux.screenDump)")
        if time == nil { _ = sendSignal(pid, SIGKILL) }
        try await expectRestored(tmux, status: 131)
        // Swift's backtracer would print "Program crashed" and wait for a key.
        for crashText in ["crashed", "Press space", "Backtrace", "backtrace"] {
            #expect(!tmux.lastScreen.contains(crashText), "crash report on screen\n\(tmux.screenDump)")
        }
    }

    @Test("Ctrl-S does not freeze the screen (no XON/XOFF flow control), and the modes come back after")
    func ctrlSDoesNotFreezeTheScreen() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)
        let first = AppScreen.selectedServer(try await tmux.capture(escapes: true))
        try await tmux.press("C-s")
        try await tmux.press("j")
        // With flow control on, Ctrl-S stops the terminal's output and the selection never moves.
        try await tmux.waitUntil("the selection to move down after Ctrl-S", timeout: .seconds(5), escapes: true) {
            let selected = AppScreen.selectedServer($0)
            return selected != nil && selected != first
        }
        try await tmux.press("q")
        try await expectRestored(tmux, status: 0)
    }
}
