import Testing
import TerminalKit

/// Which terminals the UI refuses before curses takes them, from the terminfo database.
@Suite struct TerminalProbeTests {
    @Test(arguments: [
        (nil, "TERM is not set"), ("", "TERM is not set"), ("dumb", "TERM=dumb"),
        ("no-such-terminal", "TERM=no-such-terminal, unknown to curses"),
    ] as [(String?, String)])
    func refused(term: String?, named: String) {
        #expect(TerminalProbe.check(term: term) == .refused(
            "this terminal (\(named)) cannot run the full-screen interface; use the script commands: "
                + "ecs-reinstall servers / reinstall / job, or set TERM=xterm-256color"))
    }

    @Test func alternateScreenIsKnown() {
        #expect(TerminalProbe.check(term: "xterm-256color") == .usable(alternateScreen: true))
        #expect(TerminalProbe.check(term: "vt100") == .usable(alternateScreen: false))
    }
}
