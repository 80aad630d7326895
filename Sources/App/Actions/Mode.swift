import TerminalKit

/// What has the keys now: the one screen, overlay or question on top. Each mode declares its
/// actions (`actions(_:)`), and from them come the key dispatch, the footer and the `?` help.
enum Mode: Sendable, Equatable, CaseIterable {
    case list, filter, scopePicker, form, review, help, history, jobsPane, jobDetails, messageLog, quitQuestion,
         hostKeyQuestion

    /// The mode on top, in the order the overlays are drawn (the last drawn has the keys).
    static func of(_ state: AppState) -> Mode {
        if state.askingToQuit { return .quitQuestion }
        if state.jobsPane.hostKeyQuestion != nil { return .hostKeyQuestion }
        if state.showHelp { return .help }
        return beneathHelp(state)
    }

    /// The mode the help describes: the one it was opened from.
    static func beneathHelp(_ state: AppState) -> Mode {
        if let form = state.form { return form.isReviewing ? .review : .form }
        if state.scopePicker != nil { return .scopePicker }
        if state.messages.isOpen { return .messageLog }
        if state.jobsPane.focused { return state.jobsPane.detailsOpen ? .jobDetails : .jobsPane }
        if state.showHistory { return .history }
        if state.servers.filterField != nil { return .filter }
        return .list
    }

    /// Its name in the help's title: "Keys of the server list".
    var title: String {
        switch self {
        case .list: "the server list"
        case .filter: "the filter"
        case .scopePicker: "the region and project switch"
        case .form: "the reinstall form"
        case .review: "the review"
        case .help: "the help"
        case .history: "the history"
        case .jobsPane: "the jobs pane"
        case .jobDetails: "the job details"
        case .messageLog: "the message log"
        case .quitQuestion: "the quit question"
        case .hostKeyQuestion: "the known_hosts question"
        }
    }

    /// Its actions as they stand in this state, in the footer's order of importance: the last two
    /// (usually help and the way back) stay when the footer is narrow, the others drop from the end.
    func actions(_ state: AppState) -> [Action] {
        switch self {
        case .list: ListActions.all
        case .filter: FilterActions.all
        case .scopePicker: ScopeActions.all
        case .form: FormActions.editing(state)
        case .review: FormActions.review(state)
        case .help: HelpActions.all
        case .history: HistoryActions.all
        case .jobsPane: JobsPaneActions.all
        case .jobDetails: JobDetailsActions.all
        case .messageLog: MessageLogActions.all
        case .quitQuestion: QuitActions.all
        case .hostKeyQuestion: HostKeyQuestionActions.all
        }
    }
}

/// The help action every mode with one shares: it lists the actions of the mode it is opened from.
func helpAction(keys: [Key] = [.character("?"), .function(1)], keyLabel: String = "? F1",
                footer: String = "? help") -> Action {
    Action(keys: keys, keyLabel: keyLabel, label: "this help", footer: footer, perform: { state, _ in
        state.showHelp = true
        return []
    })
}
