import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Enter on the focused pane: everything known of the selected job, nothing cut; long text is
/// wrapped to the dialog. Cloud text goes through `TerminalText.visible`.
func drawJobDetails(_ screen: inout Screen, _ state: AppState) {
    guard let index = state.selectedPaneIndex else { return }
    let tracker = state.paneJobs[index]
    let width = max(20, screen.width - 8)
    var lines: [[TextSpan]] = []
    func add(_ label: String, _ value: String, _ style: Style = .plain) {
        let text = DisplayWidth.wrapWhole(TerminalText.visible(value), to: max(8, width - 12))
        for (offset, line) in text.enumerated() {
            lines.append([TextSpan(DisplayWidth.fit(offset == 0 ? label : "", to: 12), style: Style(bold: true)),
                          TextSpan(line, style: style)])
        }
    }
    let label = statusLabel(tracker)
    add("Server", "\(tracker.serverName) (\(tracker.serverId))")
    add("Job", "\(tracker.jobId) · \(tracker.api.rawValue)" + (tracker.job?.jobType.map { " · \($0)" } ?? ""))
    add("Status", "\(label) · \(formatElapsed(tracker.elapsed(now: state.now)))", jobStatusStyle(label))
    add("Submitted", utcTimestamp(tracker.submittedAt) + " UTC")
    if let begun = tracker.job?.beginTime { add("Begun", begun) }
    if let ended = tracker.job?.endTime { add("Ended", ended) }
    if let total = tracker.job?.entities?.subJobsTotal {
        let subJobs = tracker.job?.entities?.subJobs ?? []
        add("Sub-jobs", "\(subJobs.filter { $0.status == .success }.count) of \(total) done")
        for sub in subJobs {
            var text = "\(sub.jobId ?? "?") \(sub.jobType ?? "") \(sub.status.rawValue)"
            if let begun = sub.beginTime { text += " from \(begun)" }
            if let ended = sub.endTime { text += " to \(ended)" }
            if let code = sub.errorCode { text += " · \(code)" }
            if let reason = sub.failReason { text += ": \(reason)" }
            if let message = sub.errorcodeMessage { text += " — \(message)" }
            add("", "• " + text, sub.status == .fail ? Style(color: .red) : .plain)
        }
    }
    let (detail, style) = jobDetail(tracker)
    add("Detail", detail, style)
    if let error = tracker.pollError {
        add("Last poll", error + (tracker.pollErrorAt.map { " (\(utcClockTime($0)) UTC)" } ?? ""), Style(color: .yellow))
    }
    Dialog.draw(into: &screen, title: "Job of \(TerminalText.visible(tracker.serverName))", lines: lines,
                footer: [TextSpan("Esc or Enter closes", style: Style(dim: true))], glyphs: state.glyphs)
}
