import Foundation
import Reinstall

/// What the app learns, after a successful reinstall, about logging into the server: the
/// readiness probe as its driver last reported it, then the core's report (known_hosts, the new
/// host key, the login command), and the removal of the old known_hosts entries when the
/// operator asked for it. One per job, started once, when the job's follower finished with the
/// server out of REBUILD (again when `a` moves it to another address).
package struct LoginWatch: Sendable, Equatable {
    /// Where the probe connects; nil when the server has no address.
    package var target: LoginTarget?
    /// Which of the job's checks this is (`a` starts a new one): the driver's events carry it, so
    /// news of an older probe of the same address (A, B, then A again) is not taken as this one's.
    package var check: Int
    /// Why nothing is probed: no address, or one the policy refuses.
    package var notProbed: String?
    /// The probe's state machine as its driver last reported it (attempts, last failure, outcome).
    package var probe: LoginProbe?
    /// Once the probe ended: the known_hosts findings, the host key and the login command, worded.
    package var report: LoginReport?
    /// `ssh-keygen -R` asked for with `x` and answered `y`.
    package var removal: HostKeyRemoval?

    package init(target: LoginTarget?, check: Int, notProbed: String? = nil) {
        self.target = target
        self.check = check
        self.notProbed = notProbed
    }

    /// How the probe ended; nil while it runs.
    package var readiness: LoginReadiness? {
        if let notProbed { return .notProbed(reason: notProbed) }
        return probe?.outcome
    }

    package var isProbing: Bool { notProbed == nil && probe?.isFinished != true }

    /// Whether the check's effect still runs: after the probe's outcome it goes on to the report
    /// (known_hosts, `ssh-keyscan`), so what stops a check must stop it until the report is in.
    package var isChecking: Bool { notProbed == nil && report == nil }

    /// The known_hosts entries that hold the old key, when the report found some.
    package var oldEntries: KnownHosts.Findings? {
        guard let findings = report?.knownHosts, !findings.entries.isEmpty else { return nil }
        return findings
    }
}

/// The removal of a target's old known_hosts entries.
package enum HostKeyRemoval: Sendable, Equatable {
    case running
    /// What `ssh-keygen -R` did (`KnownHostsRemoval`).
    case finished(KnownHostsRemoval)
}

/// A lookup that could not be done, in words (a known_hosts file that cannot be read).
package struct ReadinessFailure: Error, Sendable, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
