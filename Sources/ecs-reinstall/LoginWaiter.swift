import Foundation
import HuaweiCloud
import Reinstall

/// `--wait-login`: once the job has succeeded and the server left REBUILD, the core's readiness
/// check (`LoginCheck`), its progress on stderr and its report's lines after it. It only reads and
/// prints: known_hosts is never changed, the `ssh-keygen -R` to run is printed.
struct LoginWaiter: Sendable {
    var settings: ReadinessSettings

    enum End: Sendable {
        case report(LoginReport)
        /// A signal stopped the probe (the reinstall itself had ended).
        case interrupted(Int32)
    }

    /// Probes `server` (nil when the job named none: a "not probed" report, as for a server
    /// without an address), prints the report's lines on stderr and returns it.
    func check(_ server: Server?, interruption: WaitInterruption?) async -> End {
        if let report = settings.notProbedReport(for: server) {
            Console.error("login: \(report.readinessLine)")
            return .report(report)
        }
        guard let server, let target = settings.target(for: server) else {
            preconditionFailure("notProbedReport(for:) covers a missing server and a missing address")
        }
        let check = settings.check(target)
        let bound = LoginReadiness.spoken(settings.schedule.giveUpAfter)
        if settings.policy.refusal(for: target.address) == nil {
            Console.error("login: probing \(target.kind.name) on \(target.endpoint.shown) (giving up after \(bound))")
        }
        let endpoint = target.endpoint.shown
        // Probe and report in one task: a signal during the host key scan cancels it too.
        let checking = Task {
            try await check.run { change in
                if case let .attemptFailed(reason, retryIn) = change {
                    Console.error("login: \(endpoint): \(reason.shown); trying again in \(LoginReadiness.spoken(retryIn))")
                }
            }
        }
        if let interruption, !interruption.waiting(cancel: { checking.cancel() }) { checking.cancel() }
        let report: LoginReport
        do {
            report = try await checking.value
        } catch {
            return .interrupted(interruption?.signal ?? SIGINT)
        }
        for line in report.lines { Console.error("login: \(line.shown)") }
        return .report(report)
    }
}
