import Foundation
import Reinstall
import TerminalKit

/// How the jobs pane and the job details show a login check. The sentences about the result are
/// the core's (`LoginReport`, `LoginReadiness`), as the commands print them; only the progress of
/// a probe still running, the question and the labels of the details are worded here.
enum LoginWording {
    static let questionEnd = "? y/n"

    /// `Remove 2 old host key entries for 10.0.0.5 from ~/.ssh/known_hosts? y/n`.
    static func removalQuestion(_ findings: KnownHosts.Findings) -> String {
        let count = findings.entries.count
        let entries = count == 1 ? "1 old host key entry" : "\(count) old host key entries"
        return "Remove \(entries) for \(findings.hostName) from \(findings.file)" + questionEnd
    }

    /// The pane's line: the progress, then the report's sentences, the login command first.
    static func pane(_ watch: LoginWatch) -> (String, Style) {
        if let report = watch.report {
            guard report.readiness.isReady else {
                return ([report.readinessLine, report.loginLine].joined(separator: " · "), Style(color: .yellow))
            }
            let parts = [report.loginLine, report.readinessLine] + [report.knownHostsLine].compactMap { $0 }
            return (parts.joined(separator: " · "), Style(color: .green))
        }
        guard let target = watch.target, let readiness = watch.readiness else { return (progress(watch), Style(color: .yellow)) }
        let sentence = readiness.message(kind: target.kind)
        return readiness.isReady ? (sentence + "; reading known_hosts…", Style(color: .green)) : (sentence, Style(color: .yellow))
    }

    /// `checking SSH on 10.0.0.5:22… (3 attempts, the last: connection refused)`.
    static func progress(_ watch: LoginWatch) -> String {
        guard let target = watch.target else {
            return LoginReadiness.notProbed(reason: watch.notProbed ?? LoginTarget.noAddress).message(kind: .ssh)
        }
        var text = "checking \(target.kind.name) on \(target.endpoint)…"
        if let probe = watch.probe, probe.attempts > 0 {
            let attempts = probe.attempts == 1 ? "1 attempt" : "\(probe.attempts) attempts"
            text += " (\(attempts)" + (probe.lastFailure.map { ", the last: \($0)" } ?? "") + ")"
        }
        return text
    }

    /// The details' lines: label, value, style. Every entry of known_hosts is listed (line, key
    /// type, hashed or not), so the operator sees what the removal would touch.
    static func details(_ watch: LoginWatch) -> [(String, String, Style)] {
        var lines: [(String, String, Style)] = []
        let (now, style) = pane(watch)
        guard let report = watch.report else { return [("Login", now, style)] }
        lines.append(("Login", report.readinessLine, report.readiness.isReady ? Style(color: .green) : Style(color: .yellow)))
        if case let .answered(_, banner?) = report.readiness, !banner.isEmpty { lines.append(("Banner", banner, Style(dim: true))) }
        // The command alone (the Login line says whether it is ready), so it fits a line to copy.
        if !report.loginCommand.isEmpty { lines.append(("Command", report.loginCommand, Style(bold: true))) }
        if let advice = report.knownHostsLine {
            lines.append(("known_hosts", advice, Style(color: .yellow)))
            for entry in report.knownHosts?.entries ?? [] {
                let kind = entry.hashed ? "hashed" : "plain"
                lines.append(("", "• line \(entry.line): \(entry.keyType) (\(kind))", .plain))
            }
            // The command whole on its own line, for copying; `x` runs it after asking.
            if let findings = watch.oldEntries { lines.append(("", "x runs: " + findings.removalCommand, Style(bold: true))) }
        } else if let none = report.knownHostsNoEntryLine {
            lines.append(("known_hosts", none, Style(dim: true)))
        }
        for key in report.hostKeyLines { lines.append(("Host key", key, .plain)) }
        switch watch.removal {
        case .running: lines.append(("Removal", "ssh-keygen -R is running…", Style(dim: true)))
        case let .finished(result):
            lines.append(("Removal", result.message, result.succeeded ? Style(color: .green) : Style(color: .red)))
        case nil: break
        }
        return lines
    }
}
