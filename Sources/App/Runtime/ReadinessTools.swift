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

    package init(portProbe: any PortProbe = TCPPortProbe(), clock: any Clock<Duration> = ContinuousClock(),
                 now: @escaping @Sendable () -> Date = { Date() },
                 environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.portProbe = portProbe
        self.clock = clock
        self.now = now
        self.environment = environment
    }
}
