import Foundation
import Reinstall

/// What the readiness effects work with: the probe's connection attempts and the clock it waits
/// on (a test's virtual one, or the real one), and the environment the OpenSSH tools and the home
/// folder are found in. What to probe and which known_hosts to read are the state's
/// (`ReadinessSettings`).
package struct ReadinessTools: Sendable {
    package var portProbe: any PortProbe
    package var clock: any Clock<Duration>
    /// The time on `clock`, for the probe's deadline and its "answers after".
    package var now: @Sendable () -> Date
    package var environment: [String: String]
    /// Run before a check first reads known_hosts: the demo makes its own file then, not before
    /// anything is probed.
    package var prepare: @Sendable () async throws -> Void

    package init(portProbe: any PortProbe = TCPPortProbe(), clock: any Clock<Duration> = ContinuousClock(),
                 now: @escaping @Sendable () -> Date = LoginCheck.steadyNow(),
                 environment: [String: String] = ProcessInfo.processInfo.environment,
                 prepare: @escaping @Sendable () async throws -> Void = {}) {
        self.portProbe = portProbe
        self.clock = clock
        self.now = now
        self.environment = environment
        self.prepare = prepare
    }
}
