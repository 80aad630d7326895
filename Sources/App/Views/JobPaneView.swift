import Foundation
import HuaweiCloud
import TerminalKit

/// The job panes under the list: newest first, two lines each.
func drawJobPanes(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    guard layout.jobsHeight > 0 else { return }
    let hidden = state.jobs.count - Layout.maxJobPanes
    let title = hidden > 0 ? " Jobs (+\(hidden) older) " : " Jobs "
    screen.horizontalLine(x: 0, y: layout.jobsTop, width: layout.width, style: Style(dim: true))
    screen.put(title, x: 2, y: layout.jobsTop, style: Style(bold: true))
    for (offset, tracker) in state.jobs.suffix(Layout.maxJobPanes).reversed().enumerated() {
        drawJobPane(&screen, tracker, now: state.now, y: layout.jobsTop + 1 + offset * 2, width: layout.width)
    }
}

private func drawJobPane(_ screen: inout Screen, _ tracker: JobTracker, now: Date, y: Int, width: Int) {
    let status = tracker.job?.status
    var x = 1
    x += screen.put(DisplayWidth.fit(tracker.serverName, to: 18), x: x, y: y, style: Style(bold: true)) + 1
    x += screen.put(tracker.api.rawValue, x: x, y: y) + 2
    x += screen.put(DisplayWidth.fit(status?.rawValue ?? "SUBMITTED", to: 15), x: x, y: y, style: jobStatusStyle(status)) + 1
    x += screen.put(DisplayWidth.fit(formatElapsed(tracker.elapsed(now: now)), to: 8), x: x, y: y) + 1
    var rest = "job \(tracker.jobId)"
    if let total = tracker.job?.entities?.subJobsTotal {
        let done = tracker.job?.entities?.subJobs?.filter { $0.status == .success }.count ?? 0
        rest = "sub-jobs \(done)/\(total)  " + rest
    }
    screen.put(DisplayWidth.truncate(rest, to: max(0, width - x - 1)), x: x, y: y, style: Style(dim: true))
    let (detail, style) = jobDetail(tracker)
    screen.put(DisplayWidth.truncate(detail, to: width - 4), x: 3, y: y + 1, style: style)
}

private func jobDetail(_ tracker: JobTracker) -> (String, Style) {
    if let error = tracker.pollError {
        return ("last poll failed: \(error) — retrying", Style(color: .yellow))
    }
    guard let job = tracker.job else { return ("submitted; waiting for the first status…", Style(dim: true)) }
    switch job.status {
    case .fail:
        var text = "\(job.errorCode ?? "no error code"): \(job.failReason ?? "no reason given")"
        if let message = job.entities?.subJobs?.compactMap(\.errorcodeMessage).first {
            text += " — \(message)"
        }
        return (text, Style(color: .red))
    case .success:
        return ("done at \(clockTime(job.endTime) ?? "?") · the login is injected a few minutes after boot",
                Style(color: .green))
    case .pendingPayment:
        return ("waiting for the order to be paid", Style(color: .yellow))
    case .initial, .running, .unknown:
        return ("begun \(clockTime(job.beginTime) ?? "?") · \(job.jobType ?? "reinstall")", Style(dim: true))
    }
}

/// `2025-01-01T08:00:13.123Z` → `08:00:13`.
private func clockTime(_ iso: String?) -> String? {
    guard let iso, let t = iso.firstIndex(of: "T") else { return nil }
    return String(iso[iso.index(after: t)...].prefix(8))
}

func jobStatusStyle(_ status: Job.Status?) -> Style {
    switch status {
    case .success: return Style(color: .green, bold: true)
    case .fail: return Style(color: .red, bold: true)
    case .running: return Style(color: .yellow, bold: true)
    default: return Style(color: .cyan)
    }
}
