import Foundation
import Reinstall

/// The readiness effects: a driver of `LoginProbe` on the tools' clock (as `JobPoller` drives
/// `JobFollower`), the core's report once it ends, and the known_hosts reads and removal. Nothing
/// here decides anything: the probe says when to try and when to give up, the core words it.
struct LoginEffects: Sendable {
    let tools: ReadinessTools
    let send: @Sendable (AppEvent) -> Void

    /// Probes until the port answers or the bound passes, telling each attempt, then reports. A
    /// refused address ends the probe at once, unattempted, and unreported. Cancellation (a newer
    /// probe of the job, leaving the UI) ends it between attempts.
    func probe(jobId: String, check: Int, target: LoginTarget, settings: ReadinessSettings) async throws -> AppEvent? {
        // The core's loop (the commands' too), on the tools' clock; each state of the machine is told.
        let loop = settings.check(target, probe: tools.portProbe, environment: tools.environment)
        let readiness = try await loop.waitForLogin(clock: tools.clock, now: tools.now) { probe, _ in
            send(.loginProbed(jobId: jobId, check: check, probe))
        }
        if case .notProbed = readiness { return nil }
        var prepared: String?
        do {
            try await tools.prepare()
        } catch {
            prepared = (error as NSError).localizedDescription
        }
        var report = await loop.report(readiness)
        try Task.checkCancellation()
        // A file that could not be made cannot hold the old key: said, not taken for "no entry".
        if let prepared, target.kind == .ssh {
            report.knownHosts = nil
            report.knownHostsError = prepared
        }
        return .loginReported(jobId: jobId, check: check, report)
    }

    func readKnownHosts(jobId: String, target: LoginTarget, file: URL?) -> AppEvent {
        let file = file ?? KnownHosts.defaultFile(environment: tools.environment)
        do {
            let findings = try KnownHosts.read(file: file, address: target.address, port: target.port,
                                               environment: tools.environment)
            return .knownHostsRead(jobId: jobId, target, .success(findings))
        } catch {
            return .knownHostsRead(jobId: jobId, target,
                                   .failure(ReadinessFailure("\(file.path): \((error as NSError).localizedDescription)")))
        }
    }

    func removeHostKeys(jobId: String, findings: KnownHosts.Findings) async -> AppEvent {
        let removal = await findings.remove(tool: ExternalTool.find("ssh-keygen", environment: tools.environment))
        return .hostKeysRemoved(jobId: jobId, removal)
    }
}
