/// One connection attempt to a login port: the real TCP one (`TCPPortProbe`), or a script in tests.
public protocol PortProbe: Sendable {
    /// Connects to `target` within `timeout` (for SSH, until its banner line) and says what happened.
    /// It never throws: a failure is an answer.
    func attempt(_ target: LoginTarget, timeout: Duration) async -> ProbeAnswer
}
