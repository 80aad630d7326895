import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The server list's actions, in the order the footer and the help show them.
enum ListActions {
    static let all: [Action] = [
        Action(keys: [.enter], keyLabel: "Enter", label: "reinstall the OS", dangerous: true,
               footer: "Enter reinstall",
               availability: reinstallAvailability, perform: { state, _ in openForm(&state) }),
        Action(keys: [.character("/")], keyLabel: "/", label: "filter as you type", footer: "/ filter",
               perform: { state, _ in beginFilter(&state) }),
        Action(keys: [.escape], keyLabel: "Esc", label: "clear the filter",
               availability: { $0.servers.catalog.filter.text.isEmpty ? .disabled("no filter is set") : .enabled },
               quietWhenDisabled: true, perform: { state, _ in clearFilter(&state) }),
        Action(keys: [.character("s")], keyLabel: "s", label: "sort by the next column", footer: "s/S sort",
               perform: { state, _ in sort(&state, state.servers.catalog.sort.next) }),
        Action(keys: [.character("S")], keyLabel: "S", label: "reverse the sort",
               perform: { state, _ in sort(&state, state.servers.catalog.sort.reversed) }),
        Action(keys: (1...9).map { .character(Character(String($0))) }, keyLabel: "1-9",
               label: "sort by the nth column (again: reverse)",
               perform: { state, key in sortByShownColumn(&state, key) }),
        Action(keys: [.character("r")], keyLabel: "r", label: "refresh", footer: "r refresh",
               perform: { state, _ in startListing(&state) }),
        Action(keys: [.character(":")], keyLabel: ":", label: "switch region or project", footer: ": region",
               availability: { state in switchRefusal(state).map { .disabled($0) } ?? .enabled },
               perform: { state, _ in openScopePicker(&state) }),
        Action(keys: [.character("h")], keyLabel: "h", label: "history of finished jobs", footer: "h history",
               perform: { state, _ in
                   state.showHistory = true
                   return []
               }),
        Action(keys: [.character("J")], keyLabel: "J", label: "focus the jobs pane", footer: "J jobs",
               availability: jobsPaneAvailability, perform: { state, _ in focusJobsPane(&state) }),
        Action(keys: [.character("L")], keyLabel: "L", label: "log of every message this session", footer: "L log",
               perform: { state, _ in
                   openMessageLog(&state)
                   return []
               }),
        Action(keys: [.down, .character("j"), .up, .character("k")], keyLabel: "↑↓ jk", label: "move",
               perform: { state, key in move(&state, key) }),
        Action(keys: [.pageDown, .pageUp, .character("\u{06}"), .character("\u{02}")], keyLabel: "PgDn PgUp",
               label: "move a page", perform: { state, key in move(&state, key) }),
        Action(keys: [.home, .character("g"), .end, .character("G")], keyLabel: "g G", label: "first / last server",
               perform: { state, key in move(&state, key) }),
        helpAction(),
        Action(keys: [.character("q")], keyLabel: "q", label: "quit (asks while reinstalls still run)",
               footer: "q quit", availability: quitAvailability, perform: { state, _ in requestQuit(&state) }),
        Action(keys: [.character("Q")], keyLabel: "Q", label: "quit without asking",
               availability: quitAvailability, perform: { state, _ in
                   state.quitRequested = true
                   return []
               }),
    ]

    /// `q` waits while a reinstall POST is on its way: leaving would cancel it, and a reinstall the
    /// cloud may have started would reach neither the journal nor the screen.
    @Sendable static func quitAvailability(_ state: AppState) -> Availability {
        guard let mark = state.submissions.values.first(where: { $0.phase == .submitting }) else { return .enabled }
        return .disabled("a reinstall of \(TerminalText.visible(mark.serverName)) is being submitted; quit once the cloud has answered")
    }

    @Sendable static func jobsPaneAvailability(_ state: AppState) -> Availability {
        state.paneJobs.isEmpty ? .disabled("no jobs yet") : .enabled
    }

    /// Enter on the list: refused with the reason when the server cannot be reinstalled now.
    @Sendable static func reinstallAvailability(_ state: AppState) -> Availability {
        guard let server = state.servers.selected else { return .disabled("no server is selected") }
        if let mark = state.submissions[server.id] { return .disabled(mark.whyNoReinstall) }
        if let job = state.jobs.first(where: { $0.serverId == server.id && !$0.isFinished }) {
            return .disabled("\(server.name) already has a reinstall running (job \(job.jobId.prefix(8))…); wait for it to finish.")
        }
        if case let .blocked(why) = ReinstallPreflight.check(server) { return .disabled(why) }
        return .enabled
    }
}
