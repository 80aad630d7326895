import Foundation
import TerminalKit

/// Where each part of the screen goes for a given terminal size, form and number of jobs. The
/// parts never overlap: the form gets its room first, the list keeps a few rows, the pane the rest.
struct Layout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 16

    var width: Int
    var bodyTop: Int
    var bodyHeight: Int
    var jobsTop: Int
    var jobsHeight: Int { pane.rows }
    var pane: JobPaneShape
    /// The journal's problem, wrapped (at most `maxNoticeLines`), on the lines above the flash.
    var notice: [String]
    var noticeTop: Int
    /// The whole advice of unclear submissions, wrapped, never cut: it says what not to do.
    var advice: [String]
    var adviceTop: Int
    /// The flash, wrapped to the rows `RowPlan` gives it; the first line is `flashRow`.
    var flash: [String]
    var flashRow: Int
    var footerRow: Int
    static let maxNoticeLines = 2

    init(_ state: AppState) {
        width = state.size.width
        footerRow = state.size.height - 1
        notice = state.journalProblem.map { Self.wrapNotice($0, width: state.size.width) } ?? []
        let room = max(1, state.size.width - 2)
        advice = submissionAdvice(state).flatMap { DisplayWidth.wrapWhole($0, to: room) }
        let flashLines = state.flash.map { Self.wrapFlash($0.text, width: state.size.width) } ?? []
        let plan = RowPlan(RowPlanInput(
            height: state.size.height, formOpen: state.form != nil, bodyWants: Self.bodyWants(state),
            jobs: state.paneJobs.count, flashLines: flashLines.count,
            noticeLines: notice.count, adviceLines: advice.count))
        flash = flashLines
        if flash.count > plan.flashRows {
            flash = Array(flash.prefix(plan.flashRows))
            let more = " (L on the list: the whole message)"
            let last = plan.flashRows - 1
            flash[last] = DisplayWidth.truncate(flash[last], to: max(0, room - DisplayWidth.of(more))) + more
        }
        notice = Self.cut(notice, to: plan.noticeRows, width: room)
        advice = Self.cut(advice, to: plan.adviceRows, width: room)
        pane = plan.pane
        flashRow = footerRow - plan.flashRows
        noticeTop = flashRow - notice.count
        adviceTop = noticeTop - advice.count
        bodyTop = 1
        jobsTop = adviceTop - pane.rows
        bodyHeight = max(0, jobsTop - bodyTop)
    }

    /// The lines that fit in `rows`; when some do not, the last one says where they all are.
    private static func cut(_ lines: [String], to rows: Int, width: Int) -> [String] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        var kept = Array(lines.prefix(rows))
        let more = " … (L on the list: the whole message)"
        kept[rows - 1] = DisplayWidth.truncate(kept[rows - 1], to: max(0, width - DisplayWidth.of(more))) + more
        return kept
    }

    /// Rows the list or history would fill: its title and header, then one row per entry.
    private static func bodyWants(_ state: AppState) -> Int {
        let entries = state.showHistory ? state.history.count : state.servers.catalog.visible.count
        return ServerListLayout.linesAboveRows + max(1, entries)
    }

    /// Wrapped to the width less a margin, nothing cut.
    private static func wrapFlash(_ text: String, width: Int) -> [String] {
        DisplayWidth.wrapWhole(TerminalText.visible(text), to: max(1, width - 2))
    }

    /// Word-wrapped to the width less a margin (a path wider than a line is broken, not cut);
    /// what does not fit in `maxNoticeLines` ends with "…".
    private static func wrapNotice(_ text: String, width: Int) -> [String] {
        let room = max(1, width - 2)
        let words = text.split(separator: " ").flatMap { word in
            DisplayWidth.of(String(word)) > room ? DisplayWidth.breakLines(String(word), to: room) : [String(word)]
        }
        var lines = DisplayWidth.wrap(words.joined(separator: " "), to: room)
        if lines.count > maxNoticeLines {
            lines = Array(lines.prefix(maxNoticeLines))
            lines[maxNoticeLines - 1] = DisplayWidth.truncate(lines[maxNoticeLines - 1] + " …", to: room)
        }
        return lines
    }

    static func fits(_ size: TerminalSize) -> Bool {
        size.width >= minimumWidth && size.height >= minimumHeight
    }
}
