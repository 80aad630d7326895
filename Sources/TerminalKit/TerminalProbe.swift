import CNcursesw

/// Whether this terminal can show the full-screen interface, asked before curses takes it: with
/// `TERM=dumb`, no TERM or one without a terminfo entry, curses would exit or draw nothing while
/// still acting on keys.
public enum TerminalProbe {
    public enum Verdict: Sendable, Equatable {
        /// Usable; `alternateScreen` is false on terminals that have none (vt100, the linux console).
        case usable(alternateScreen: Bool)
        /// Not usable: what to say on stderr before leaving with status 2.
        case refused(String)
    }

    /// Asks the terminfo database about `term` (the value of TERM, nil when unset).
    public static func check(term: String?) -> Verdict {
        guard let term, !term.isEmpty else { return .refused(refusal("TERM is not set")) }
        // Refused by name too: some systems give `dumb` cursor addressing it does not have.
        if term == "dumb" { return .refused(refusal("TERM=dumb")) }
        var alternate: Int32 = 0
        switch shim_probe_terminal(term, &alternate) {
        case 0: return .usable(alternateScreen: alternate != 0)
        case 1: return .refused(refusal("TERM=\(TerminalText.visible(term)), unknown to curses"))
        default: return .refused(refusal("TERM=\(TerminalText.visible(term))"))
        }
    }

    /// The one message, naming the terminal and the two ways out.
    static func refusal(_ terminal: String) -> String {
        "this terminal (\(terminal)) cannot run the full-screen interface; use the script commands: "
            + "ecs-reinstall servers / reinstall / job, or set TERM=xterm-256color"
    }
}
