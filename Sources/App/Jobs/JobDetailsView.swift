import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Enter on the focused pane: everything known of the selected job, nothing cut; long text is
/// wrapped to the dialog, which scrolls when the terminal is short.
func drawJobDetails(_ screen: inout Screen, _ state: AppState) {
    guard let index = state.selectedPaneIndex else { return }
    let tracker = state.paneJobs[index]
    let all = JobDetailsView.lines(state, tracker)
    let rows = JobDetailsView.rows(state)
    let top = min(state.jobsPane.detailsTop, max(0, all.count - rows))
    var shown = Array(all.dropFirst(top).prefix(rows))
    // Padded to the full width so the dialog keeps its size as it scrolls.
    let widest = shown.first.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } } ?? 0
    if !shown.isEmpty { shown[0].append(TextSpan(String(repeating: " ", count: max(0, JobDetailsView.width(state) - widest)))) }
    let position = all.count > rows ? "  · lines \(top + 1)–\(min(all.count, top + rows)) of \(all.count)" : ""
    // The dialog may cover the footer row: its own footer holds the same hints, from its actions.
    let hints = footerSpans(.jobDetails, state, width: JobDetailsView.width(state) - DisplayWidth.of(position))
    Dialog.draw(into: &screen, title: "Job of \(TerminalText.visible(tracker.serverName))",
                lines: shown, footer: hints + [TextSpan(position, style: Style(dim: true))], glyphs: state.glyphs)
}

enum JobDetailsView {
    /// Text columns inside the frame and its padding.
    static func width(_ state: AppState) -> Int { max(20, state.size.width - 8) }

    /// Lines that fit between the frame and the footer with its blank line.
    static func rows(_ state: AppState) -> Int { max(1, state.size.height - 4) }

    /// The first line shown at most, for the selected job.
    static func maxTop(_ state: AppState) -> Int {
        guard let index = state.selectedPaneIndex else { return 0 }
        return max(0, lines(state, state.paneJobs[index]).count - rows(state))
    }

    /// Label and value, the value wrapped under itself. Cloud text goes through `TerminalText.visible`.
    static func lines(_ state: AppState, _ tracker: JobTracker) -> [[TextSpan]] {
        let tracker = asListed(tracker, state)  // the row's status, as the pane shows it
        let width = width(state)
        var lines: [[TextSpan]] = []
        func add(_ label: String, _ value: String, _ style: Style = .plain) {
            let text = DisplayWidth.wrapWhole(TerminalText.visible(value), to: max(8, width - 12))
            for (offset, line) in text.enumerated() {
                lines.append([TextSpan(DisplayWidth.fit(offset == 0 ? label : "", to: 12), style: Style(bold: true)),
                              TextSpan(line, style: style)])
            }
        }
        let label = statusLabel(tracker)
        let clock = ClockText(state.timeZone)
        add("Server", "\(tracker.serverName) (\(tracker.serverId))")
        if let scope = otherScopeLabel(tracker, state) { add("Region", "\(scope) (not the one listed now)") }
        add("Job", "\(tracker.jobId) · \(tracker.api.rawValue)" + (tracker.job?.jobType.map { " · \($0)" } ?? ""))
        add("Status", "\(label) · \(formatElapsed(tracker.elapsed(now: state.now)))", jobStatusStyle(label))
        add("Submitted", clock.timestamp(tracker.submittedAt) + " " + clock.label(at: tracker.submittedAt))
        // What Huawei support asks for about a submission.
        if let requestId = tracker.entry.requestId { add("Request id", requestId) }
        // The cloud's own stamps as it sent them (UTC), beside the time here.
        if let begun = tracker.job?.beginTime { add("Begun", begun + (clock.time(cloud: begun).map { " (\($0) here)" } ?? "")) }
        if let ended = tracker.job?.endTime { add("Ended", ended + (clock.time(cloud: ended).map { " (\($0) here)" } ?? "")) }
        if let total = tracker.job?.entities?.subJobsTotal {
            let subJobs = tracker.job?.entities?.subJobs ?? []
            add("Sub-jobs", "\(subJobs.filter { $0.status == .success }.count) of \(total) done")
            for sub in subJobs {
                var text = "\(sub.jobId ?? "?") \(sub.jobType ?? "") \(sub.status.rawValue)"
                if let begun = sub.beginTime { text += " from \(begun)" }
                if let ended = sub.endTime { text += " to \(ended)" }
                if let code = sub.errorCode {
                    text += " · " + JobFailure.codeAndReason(code: code, reason: sub.failReason ?? "")
                } else if let reason = sub.failReason {
                    text += ": \(reason)"
                }
                if let message = sub.errorcodeMessage { text += " — \(message)" }
                add("", "• " + text, sub.status == .fail ? Style(color: .red) : .plain)
            }
        }
        let (detail, style) = jobDetail(tracker, clock)
        add("Detail", detail, style)
        if let error = tracker.pollError {
            add("Last poll", error + (tracker.pollErrorAt.map { " (\(clock.labelled($0)))" } ?? ""), Style(color: .yellow))
        }
        if let login = tracker.login {
            var previous: String?
            for (label, value, style) in LoginWording.details(login) {
                // A label once, over the lines it heads (several host keys).
                add(label == previous ? "" : label, value, style)
                if !label.isEmpty { previous = label }
            }
        }
        return lines
    }
}
