import TerminalKit

/// The `?` help: read-only, it only closes.
enum HelpActions {
    static let all: [Action] = [
        Action(keys: [.escape, .character("?"), .function(1), .character("q"), .enter], keyLabel: "Esc ? F1 q Enter",
               label: "close the help", footer: "Esc close the help", perform: { state, _ in
                   state.showHelp = false
                   return []
               }),
    ]
}

/// `h`: the history of finished jobs, a read-only view over the list.
enum HistoryActions {
    static let all: [Action] = [
        helpAction(),
        Action(keys: [.escape, .character("h"), .character("q"), .enter], keyLabel: "Esc h q Enter",
               label: "back to the list", footer: "Esc back", perform: { state, _ in
                   state.showHistory = false
                   return []
               }),
    ]
}

/// `L`: the log of every message; it scrolls when longer than the terminal.
enum MessageLogActions {
    static let all: [Action] = [
        Action(keys: [.down, .character("j"), .up, .character("k")], keyLabel: "↑↓ jk", label: "scroll a line",
               footer: "↑↓ scroll", availability: scrollAvailability, quietWhenDisabled: true, perform: scrollMessageLog),
        Action(keys: [.pageDown, .character(" "), .control("f"), .pageUp, .control("b")], keyLabel: "PgDn Space PgUp",
               label: "scroll a page", footer: "PgDn/PgUp page", availability: scrollAvailability, quietWhenDisabled: true,
               perform: scrollMessageLog),
        Action(keys: [.home, .character("g"), .end, .character("G")], keyLabel: "g G", label: "newest / oldest message",
               availability: scrollAvailability, quietWhenDisabled: true, perform: scrollMessageLog),
        helpAction(),
        Action(keys: [.escape, .character("L"), .character("q"), .enter], keyLabel: "Esc L q Enter",
               label: "close the log", footer: "Esc close", perform: { state, _ in
                   state.messages.isOpen = false
                   return []
               }),
    ]

    /// Scrolling a log that fits would change nothing: the footer says so rather than offer it.
    @Sendable static func scrollAvailability(_ state: AppState) -> Availability {
        MessageLogView.maxTop(state) > 0 ? .enabled : .disabled("every message is shown")
    }
}
