import Foundation
import HuaweiCloud

/// How the readiness step runs for a session: what may be probed, and what the operator (or the
/// demo) chose instead of the defaults. The TUI and the commands build their checks from it.
public struct ReadinessSettings: Sendable, Equatable {
    public var policy: ProbePolicy
    /// The port to probe instead of 22 or 3389 (`--login-port`; the demo's listener port).
    public var port: Int?
    /// The address to probe instead of the server's private one (`--login-address`).
    public var address: String?
    /// The known_hosts file to read instead of `~/.ssh/known_hosts` (`--known-hosts`; the demo's).
    public var knownHostsFile: URL?
    public var schedule: ProbeSchedule

    public init(policy: ProbePolicy, port: Int? = nil, address: String? = nil, knownHostsFile: URL? = nil,
                schedule: ProbeSchedule = ProbeSchedule()) {
        self.policy = policy
        self.port = port
        self.address = address
        self.knownHostsFile = knownHostsFile
        self.schedule = schedule
    }

    /// What to probe for `server`; nil when it has no address and none was chosen.
    public func target(for server: Server) -> LoginTarget? {
        LoginTarget.of(server: server, port: port, address: address)
    }

    /// The report when there is nothing to probe: the job named no server (nil), or the server has
    /// no address and none was chosen. Nil when `server` can be probed. Not ready, so the commands
    /// exit 6 and print it like any other report.
    public func notProbedReport(for server: Server?) -> LoginReport? {
        let target: LoginTarget
        let reason: String
        if let server {
            target = LoginTarget.planned(server: server, port: port, address: address)
            guard target.address.isEmpty else { return nil }
            reason = LoginTarget.noAddress
        } else {
            target = LoginTarget(address: "", port: port ?? LoginKind.ssh.defaultPort, kind: .ssh, user: "root")
            reason = LoginTarget.noServer
        }
        return LoginReport(target: target, readiness: .notProbed(reason: reason), knownHosts: nil, hostKeys: nil,
                           loginCommand: "")
    }

    /// The check of `target` with these settings.
    public func check(_ target: LoginTarget, probe: any PortProbe = TCPPortProbe(),
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> LoginCheck {
        LoginCheck(target: target, policy: policy, schedule: schedule, knownHostsFile: knownHostsFile, probe: probe,
                   environment: environment)
    }
}
