import Foundation
import HuaweiCloud
import TerminalKit

/// What the operator must know when the UI ends with reinstalls still running in the cloud:
/// leaving stops no job, so each one is named with the way to follow it. Pure, for tests.
package enum ExitSummary {
    /// The jobs the cloud may still be working on: every job not seen to its end (a followed
    /// one, one whose server is still booting, one no longer followed after refused keys).
    package static func runningJobs(_ jobs: [JobTracker]) -> [JobTracker] {
        jobs.filter { !$0.isFinished }
    }

    /// The quit question: `2 reinstalls are still running in the cloud; …. Quit? y/N`.
    package static func question(running: Int, mode: AccountMode) -> String {
        let count = running == 1 ? "1 reinstall is" : "\(running) reinstalls are"
        switch mode {
        case .real:
            return "\(count) still running in the cloud; quitting does not stop them. Quit? y/N"
        case .demo:
            return "\(count) still running in the simulated cloud, which ends with the UI. Quit? y/N"
        }
    }

    /// The lines printed once the terminal is given back; empty when nothing is left running,
    /// no reinstall's outcome is unclear and no server was found ready to log in.
    /// - Parameter elsewhere: for a job started in another scope than `scope` (after `:`), that
    ///   scope's name and the flags that reach it; nil for the others. Its line says both.
    package static func lines(_ jobs: [JobTracker], submissions: [SubmissionMark] = [], mode: AccountMode,
                             scope: CommandScope = CommandScope(),
                             elsewhere: (JobTracker) -> (label: String, scope: CommandScope)? = { _ in nil }) -> [String] {
        let unclear = mode == .real ? unclearLines(submissions, scope: scope) : []
        // The demo's servers end with it: nothing of them is left to log into.
        let ready = mode == .real ? readyLines(jobs) : []
        let running = runningJobs(jobs)
        guard !running.isEmpty else { return unclear + ready }
        let count = running.count == 1 ? "1 reinstall is" : "\(running.count) reinstalls are"
        var lines: [String]
        switch mode {
        case .real: lines = ["\(count) still running in the cloud (quitting did not stop them):"]
        case .demo: lines = ["\(count) still running in the simulated cloud of the demo, which ended with the UI:"]
        }
        let nameWidth = running.map { DisplayWidth.of(TerminalText.visible($0.serverName)) }.max() ?? 0
        for job in running {
            let name = TerminalText.visible(job.serverName)
            let padding = String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
            // The demo's jobs end with it: none is to be followed, in any region.
            let region = (mode == .real ? elsewhere(job) : nil).map { label, scope in
                "  [\(label): follow it with \(followCommand(jobId: job.jobId, scope: scope))]"
            } ?? ""
            lines.append("  \(name)\(padding)  job \(TerminalText.visible(job.jobId))  \(status(job))\(region)")
        }
        switch mode {
        case .real:
            lines.append("Follow one with: \(followCommand(jobId: "JOB_ID", scope: scope)) (or start ecs-reinstall again: it resumes a region's jobs from the journal once it shows that region).")
        case .demo:
            lines.append("Nothing is left to follow: a new demo starts a new simulated cloud.")
        }
        return lines + unclear + ready
    }

    /// What the UI prints as it ends in `state`: each command names the scope its job runs in,
    /// as `CommandScope.moving(to:)` reaches it.
    package static func lines(leaving state: AppState) -> [String] {
        let here = state.commandScope.moving(to: state.scope)
        return lines(state.jobs, submissions: Array(state.submissions.values), mode: state.mode, scope: here) { job in
            guard let label = otherScopeLabel(job, state), let region = job.entry.region,
                  let projectId = job.entry.projectId else { return nil }
            return (label, state.commandScope.moving(to: ProjectScope(region: region, projectId: projectId)))
        }
    }

    /// The servers found ready to log in, in the core's words, whole: the alternate screen they
    /// were shown on is gone, and here they can be copied.
    /// Only a server's newest job: one reinstalled again since has a new host key and may not be up.
    static func readyLines(_ jobs: [JobTracker]) -> [String] {
        let newest = jobs.enumerated().reduce(into: [String: Int]()) { $0[$1.element.serverId] = $1.offset }
        let reports = jobs.enumerated().filter { newest[$0.element.serverId] == $0.offset }.map(\.element)
            .compactMap { job in job.login?.report.map { (job, $0) } }.filter { $0.1.readiness.isReady }
        var lines: [String] = []
        for (job, report) in reports {
            let name = TerminalText.visible(job.serverName)
            lines.append("\(name): \(TerminalText.visible(report.loginLine))")
            // After `x` removed them the file is read again: only entries still there are said.
            if let advice = job.login?.oldEntries != nil ? report.knownHostsLine : nil {
                lines.append("\(name): \(TerminalText.visible(advice))")
            }
        }
        return lines
    }

    /// A reinstall on its way when the UI ended (its POST cut off with the process), or one whose
    /// answer was unclear: it may have started, with no job id to follow. Said with what to check.
    static func unclearLines(_ submissions: [SubmissionMark], scope: CommandScope) -> [String] {
        let marks = submissions.filter { $0.phase != .started }.sorted { $0.serverName < $1.serverName }
        guard !marks.isEmpty else { return [] }
        var lines = ["\(marks.count == 1 ? "1 reinstall has" : "\(marks.count) reinstalls have") an unclear outcome: "
            + "check before sending again."]
        for mark in marks {
            let name = TerminalText.visible(mark.serverName)
            let when = mark.phase == .submitting ? "was being sent when the UI ended" : "got no clear answer"
            lines.append("  \(name)  \(when); check it before sending again: \(checkCommand(serverName: mark.serverName, scope: scope))")
        }
        return lines
    }

    /// The pane's word for the job, and why it was no longer followed when that is the case.
    static func status(_ job: JobTracker) -> String {
        let label = statusLabel(job)
        if let stopped = job.stopped { return "\(label) (not followed: \(TerminalText.visible(stopped)))" }
        return label
    }

    /// How to see whether a reinstall with an unclear outcome started: said at exit and on Ctrl-C,
    /// with the flags that chose the cloud (`scope`).
    package static func checkCommand(serverName: String, scope: CommandScope) -> String {
        "\(scope.environmentPrefix)ecs-reinstall servers --filter \(CommandScope.quoted(serverName))\(scope.flags(listing: true)) (REBUILD means it started)"
    }

    /// How to follow a job the UI or a command leaves running, in the same cloud (`scope`).
    package static func followCommand(jobId: String, scope: CommandScope) -> String {
        "\(scope.environmentPrefix)ecs-reinstall job \(CommandScope.quoted(jobId))\(scope.flags(listing: false)) --wait"
    }
}
