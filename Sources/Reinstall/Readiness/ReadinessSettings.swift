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

    /// The check of `target` with these settings.
    public func check(_ target: LoginTarget, probe: any PortProbe = TCPPortProbe(),
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> LoginCheck {
        LoginCheck(target: target, policy: policy, schedule: schedule, knownHostsFile: knownHostsFile, probe: probe,
                   environment: environment)
    }
}
