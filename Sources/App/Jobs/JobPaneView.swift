import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The jobs pane under the body: running jobs first, then finished ones, newest first in each.
/// Its rows are cleared first, so nothing drawn under it shows through.
func drawJobPanes(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    guard layout.jobsHeight > 0 else { return }
    screen.fill(x: 0, y: layout.jobsTop, width: layout.width, height: layout.jobsHeight)
    let jobs = state.paneJobs
    let shown: Int
    let twoLines: Bool
    switch layout.pane {
    case .hidden: return
    case .summary:
        drawJobSummary(&screen, state, jobs, layout)
        return
    case let .lines(count): (shown, twoLines) = (count, false)
    case let .panes(count): (shown, twoLines) = (count, true)
    }
    let focused = state.jobsPane.focused
    let selected = state.selectedPaneIndex ?? 0
    // The window keeps the selection in view; unfocused, it starts at the first (running) job.
    let first = focused ? min(max(0, selected - shown + 1), max(0, jobs.count - shown)) : 0
    let hidden = jobs.count - shown
    var title = hidden > 0 ? " Jobs (\(shown) of \(jobs.count)) " : " Jobs "
    title += focused ? "↑↓ Enter details d dismiss Esc " : "J to focus "
    screen.horizontalLine(x: 0, y: layout.jobsTop, width: layout.width, style: focused ? Style(bold: true) : Style(dim: true))
    screen.put(DisplayWidth.truncate(title, to: max(0, layout.width - 4)), x: 2, y: layout.jobsTop, style: Style(bold: true))
    for (offset, tracker) in jobs[first..<min(jobs.count, first + shown)].enumerated() {
        let y = layout.jobsTop + 1 + offset * (twoLines ? 2 : 1)
        drawJobPane(&screen, asListed(tracker, state), now: state.now, clock: ClockText(state.timeZone), y: y, width: layout.width,
                    detail: twoLines, scope: otherScopeLabel(tracker, state))
        if focused, first + offset == selected {
            screen.restyle(x: 0, y: y, width: layout.width, style: Style(reverse: true))
        }
    }
}

/// One line for every job, for when the form needs the rest of the screen.
private func drawJobSummary(_ screen: inout Screen, _ state: AppState, _ jobs: [JobTracker], _ layout: Layout) {
    let running = jobs.filter { !$0.isFinished }.count
    let failed = jobs.filter { $0.isFinished && statusLabel($0) != "SUCCESS" }.count
    let done = jobs.count - running - failed
    var parts = ["\(running) job\(running == 1 ? "" : "s") running"]
    if failed > 0 { parts.append("\(failed) failed") }
    if done > 0 { parts.append("\(done) done") }
    let hint = state.form == nil ? " — J to show" : ""
    screen.put(DisplayWidth.truncate(" " + parts.joined(separator: " · ") + hint, to: layout.width), x: 0,
               y: layout.jobsTop, style: failed > 0 ? Style(color: .red, bold: true) : Style(bold: true))
}

/// The region (or subproject) of a job started in another scope than the list shows; nil for this one's.
func otherScopeLabel(_ tracker: JobTracker, _ state: AppState) -> String? {
    guard tracker.entry.scope != state.journalScope else { return nil }
    return state.scopeLabels[tracker.entry.scope] ?? "another region"
}

private func drawJobPane(
    _ screen: inout Screen, _ tracker: JobTracker, now: Date, clock: ClockText, y: Int, width: Int, detail: Bool,
    scope: String? = nil
) {
    let label = statusLabel(tracker)
    var x = 1
    // Cut in the middle, as the list cuts names: numbered tails tell servers apart.
    x += screen.put(DisplayWidth.fit(TerminalText.visible(tracker.serverName), to: 18, cut: .middle), x: x, y: y,
                    style: Style(bold: true)) + 1
    x += screen.put(tracker.api.rawValue, x: x, y: y) + 2
    x += screen.put(DisplayWidth.fit(label, to: 15), x: x, y: y, style: jobStatusStyle(label)) + 1
    x += screen.put(DisplayWidth.fit(formatElapsed(tracker.elapsed(now: now)), to: 8), x: x, y: y) + 1
    // Once the job is done, its line tells whether the server is ready to log in; the status
    // word keeps its meaning (SUCCESS), and the job's own detail stays in the details.
    let (detailText, style) = tracker.login.map(LoginWording.pane) ?? jobDetail(tracker, clock)
    // A job of another region says which: its server is not in the list shown.
    let text = scope.map { "[\($0)] " + detailText } ?? detailText
    guard detail else {
        // One line: the detail follows the status, cut; Enter on the focused pane shows it whole.
        screen.put(DisplayWidth.truncate(TerminalText.visible(text), to: max(0, width - x - 1)), x: x, y: y, style: style)
        return
    }
    var rest = "job \(tracker.jobId)"
    if let total = tracker.job?.entities?.subJobsTotal {
        let done = tracker.job?.entities?.subJobs?.filter { $0.status == .success }.count ?? 0
        rest = "sub-jobs \(done)/\(total)  " + rest
    }
    screen.put(DisplayWidth.truncate(rest, to: max(0, width - x - 1)), x: x, y: y, style: Style(dim: true))
    screen.put(DisplayWidth.truncate(TerminalText.visible(text), to: width - 4), x: 3, y: y + 1, style: style)
}

/// The tracker as this frame shows it: the server's status and task as its list row has them
/// (the follower's reads and the listings both update the row), so the pane never says one
/// status while the row says another.
func asListed(_ tracker: JobTracker, _ state: AppState) -> JobTracker {
    guard let server = state.servers.catalog.server(id: tracker.serverId) else { return tracker }
    var shown = tracker
    shown.serverStatus = server.status
    shown.serverTaskState = server.taskState
    return shown
}

func jobDetail(_ tracker: JobTracker, _ clock: ClockText) -> (String, Style) {
    if let lost = tracker.lost {
        let task = tracker.serverTaskState.map { " (\($0))" } ?? ""
        let server = tracker.isFinished ? "" : tracker.serverStatus.map { " · server \($0)\(task)" } ?? ""
        return ("lost: \(lost)\(server)", Style(color: .red))
    }
    if let stopped = tracker.stopped {
        return ("not followed (a later start in its region resumes it): \(stopped)", Style(color: .red))
    }
    if let error = tracker.pollError {
        let when = tracker.pollErrorAt.map { " at \(clock.labelled($0))" } ?? ""
        let seen = tracker.lastSeenAt.map { "; last answer \(clock.time($0))" } ?? ""
        return ("poll failed\(when): \(error)\(seen); retrying", Style(color: .yellow))
    }
    guard let job = tracker.job else { return ("submitted; waiting for the first status…", Style(dim: true)) }
    // The first time of the line carries the zone; the others are in the same one.
    let begun = "begun \(clock.time(cloud: job.beginTime).map { "\($0) \(clock.label(at: tracker.submittedAt))" } ?? "?")"
    switch job.status {
    case .fail:
        // The one wording of a failure: the job's code and reason, else its sub-job's, and the hint.
        let text = JobFailure.describe(job)
        return (text, Style(color: .red))
    case .success where tracker.isSettling:
        let task = tracker.serverTaskState.map { " (\($0))" } ?? ""
        return ("\(begun), job done \(clock.time(cloud: job.endTime) ?? "?") · server \(tracker.serverStatus ?? .rebuild)\(task): waiting for it to boot",
                Style(color: .yellow))
    case .success:
        return ("\(begun), done \(clock.time(cloud: job.endTime) ?? "?") · server \(tracker.serverStatus ?? .active) · the key or password is injected a few minutes after boot",
                Style(color: .green))
    case .pendingPayment:
        return ("waiting for the order to be paid", Style(color: .yellow))
    case .initial, .running, .unknown, .other:
        return ("\(begun) · \(job.jobType ?? "reinstall")", Style(dim: true))
    }
}

func jobStatusStyle(_ label: String) -> Style {
    switch label {
    case "SUCCESS": return Style(color: .green, bold: true)
    case "FAIL", "LOST": return Style(color: .red, bold: true)
    case "RUNNING", "BOOTING": return Style(color: .yellow, bold: true)
    default: return Style(color: .cyan)
    }
}
