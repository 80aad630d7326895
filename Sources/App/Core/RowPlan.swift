/// How the jobs pane is drawn in the rows it gets.
enum JobPaneShape: Equatable {
    /// No jobs to show.
    case hidden
    /// One line for all jobs ("3 jobs running · 1 failed"): the form needs the rest.
    case summary
    /// A title, then `shown` jobs of one line each (the rest scroll).
    case lines(shown: Int)
    /// A title, then every job on two lines: the status, then its detail.
    case panes(shown: Int)

    var rows: Int {
        switch self {
        case .hidden: 0
        case .summary: 1
        case let .lines(shown): 1 + shown
        case let .panes(shown): 1 + 2 * shown
        }
    }
}

/// What decides the rows of each part of the screen, as plain numbers so the rule is a table.
struct RowPlanInput: Equatable {
    var height: Int
    /// The form or its review is open: it gets the room first.
    var formOpen: Bool
    /// Rows the list (or history) would fill: its title, header and rows.
    var bodyWants: Int
    /// Jobs the pane shows (dismissed ones left out).
    var jobs: Int
    /// Lines the flash needs wrapped (0: no flash; the row stays reserved).
    var flashLines = 0
    var noticeLines = 0
    var adviceLines = 0
}

/// The rows of the body (list, form or history), the jobs pane, the notices and the flash.
struct RowPlan: Equatable {
    var bodyHeight: Int
    var pane: JobPaneShape
    var flashRows: Int
    /// The unclear submissions' advice and the journal's notice, cut to what the body and the
    /// flash leave (the log, `L`, has them whole).
    var adviceRows = 0
    var noticeRows = 0

    /// The flash grows to this many lines; the log (`L`) has the rest.
    static let maxFlashLines = 4
    /// Under the form, fewer: the form needs the rows more than the news does.
    static let maxFlashLinesUnderForm = 2
    /// Rows the list keeps however many jobs there are: its title, header and a few servers.
    static let listMinimum = ServerListLayout.linesAboveRows + 3
    /// Jobs shown as two-line panes when the list needs every row (the pane grows past this into free rows).
    static let defaultPanes = 3

    init(bodyHeight: Int, pane: JobPaneShape, flashRows: Int, adviceRows: Int = 0, noticeRows: Int = 0) {
        self.bodyHeight = bodyHeight
        self.pane = pane
        self.flashRows = flashRows
        self.adviceRows = adviceRows
        self.noticeRows = noticeRows
    }

    init(_ input: RowPlanInput) {
        flashRows = min(input.formOpen ? Self.maxFlashLinesUnderForm : Self.maxFlashLines, max(1, input.flashLines))
        // Notices give way to the body's minimum and a line for the jobs: the advice first (it
        // says what not to do), the journal's notice in what is left.
        let bodyKeeps = input.formOpen ? Self.listMinimum : min(max(1, input.bodyWants), Self.listMinimum)
        let noticeRoom = max(0, input.height - 2 - flashRows - bodyKeeps - (input.jobs > 0 ? 1 : 0))
        adviceRows = min(input.adviceLines, noticeRoom)
        noticeRows = min(input.noticeLines, noticeRoom - adviceRows)
        // Header and footer take one row each.
        let available = max(0, input.height - 2 - flashRows - noticeRows - adviceRows)
        pane = Self.shape(input, available: available)
        bodyHeight = max(0, available - pane.rows)
    }

    private static func shape(_ input: RowPlanInput, available: Int) -> JobPaneShape {
        let jobs = input.jobs
        guard jobs > 0 else { return .hidden }
        if input.formOpen { return .summary }
        let listKeeps = min(max(1, input.bodyWants), listMinimum)
        let most = available - listKeeps
        // The pane takes the rows the list leaves free, and at least its usual three panes.
        let wanted = max(available - input.bodyWants, 1 + 2 * min(jobs, defaultPanes))
        let rows = min(most, wanted)
        if rows >= 1 + 2 * jobs { return .panes(shown: jobs) }
        if rows >= 2 { return .lines(shown: min(jobs, rows - 1)) }
        return .summary
    }
}
