import TerminalKit

/// `J`: the jobs pane has the keys.
enum JobsPaneActions {
    static let all: [Action] = [
        Action(keys: [.enter], keyLabel: "Enter", label: "details of the selected job", footer: "Enter details",
               perform: { state, _ in openJobDetails(&state) }),
        Action(keys: [.down, .character("j"), .up, .character("k")], keyLabel: "↑↓ jk", label: "select a job",
               footer: "↑↓ select", perform: selectPaneJob),
        Action(keys: [.character("d")], keyLabel: "d", label: "dismiss a finished job (the history keeps it)",
               footer: "d dismiss", availability: dismissAvailability, perform: { state, _ in dismissSelectedJob(&state) }),
        Action(keys: [.character("L")], keyLabel: "L", label: "log of every message this session", footer: "L log",
               perform: { state, _ in
                   openMessageLog(&state)
                   return []
               }),
        Action(keys: [.home, .character("g"), .end, .character("G")], keyLabel: "g G", label: "first / last job",
               perform: selectPaneJob),
        LoginActions.removeHostKeys,
        LoginActions.chooseAddress,
        helpAction(),
        Action(keys: [.escape, .character("J"), .character("q")], keyLabel: "Esc J q", label: "back to the list",
               footer: "Esc back", perform: { state, _ in
                   state.jobsPane.focused = false
                   return []
               }),
    ]

    /// Only a finished job leaves the pane: a running one is what the pane is for.
    @Sendable static func dismissAvailability(_ state: AppState) -> Availability {
        guard let job = state.selectedPaneJob else { return .disabled("no job is selected") }
        if job.isFinished { return .enabled }
        return .disabled("Job of \(TerminalText.visible(job.serverName)) is still running: only a finished job can be dismissed.")
    }
}

/// Enter on a job: its details, read-only; they scroll when taller than the terminal.
enum JobDetailsActions {
    static let all: [Action] = [
        Action(keys: [.down, .character("j"), .up, .character("k")], keyLabel: "↑↓ jk", label: "scroll a line",
               footer: "↑↓ scroll", availability: scrollAvailability, quietWhenDisabled: true, perform: scrollJobDetails),
        Action(keys: [.pageDown, .character(" "), .pageUp], keyLabel: "PgDn Space PgUp", label: "scroll a page",
               footer: "PgDn/PgUp page", availability: scrollAvailability, quietWhenDisabled: true,
               perform: scrollJobDetails),
        LoginActions.removeHostKeys,
        LoginActions.chooseAddress,
        helpAction(),
        Action(keys: [.escape, .enter, .character("q")], keyLabel: "Esc Enter q", label: "close the details",
               footer: "Esc close", perform: { state, _ in
                   state.jobsPane.detailsOpen = false
                   return []
               }),
    ]

    @Sendable static func scrollAvailability(_ state: AppState) -> Availability {
        JobDetailsView.maxTop(state) > 0 ? .enabled : .disabled("the details fit the screen")
    }
}
