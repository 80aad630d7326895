import Foundation

/// The readiness step after a reinstall, from start to report: probe the login port (driving a
/// `LoginProbe` in real time), read known_hosts, scan the new host key when the port answered,
/// and word it all in a `LoginReport`. The commands' `--wait-login` runs it; the TUI may run the
/// same pieces through its effects. It only reads: the known_hosts file is never changed here.
public struct LoginCheck: Sendable {
    public var target: LoginTarget
    public var policy: ProbePolicy
    public var schedule: ProbeSchedule
    public var knownHostsFile: URL
    public var probe: any PortProbe
    public var environment: [String: String]

    public init(target: LoginTarget, policy: ProbePolicy, schedule: ProbeSchedule = ProbeSchedule(),
                knownHostsFile: URL? = nil, probe: any PortProbe = TCPPortProbe(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.target = target
        self.policy = policy
        self.schedule = schedule
        self.knownHostsFile = knownHostsFile ?? KnownHosts.defaultFile(environment: environment)
        self.probe = probe
        self.environment = environment
    }

    /// Probes until the port answers or the bound passes; `onChange` hears each failed attempt.
    /// Cancelling the task ends it (throwing `CancellationError`).
    public func waitForLogin(onChange: @Sendable (LoginProbe.Change) -> Void = { _ in }) async throws -> LoginReadiness {
        try await waitForLogin(clock: ContinuousClock(), now: Self.steadyNow()) { _, changes in changes.forEach(onChange) }
    }

    /// The probe loop itself, on `clock`, reckoning time with `now`; `onProbe` hears the machine
    /// as it starts and after each attempt, with what changed. The TUI drives it on its own clock.
    public func waitForLogin(clock: any Clock<Duration>, now: @Sendable () -> Date,
                             onProbe: (LoginProbe, [LoginProbe.Change]) -> Void) async throws -> LoginReadiness {
        let start = now()
        var machine = LoginProbe(target: target, policy: policy, startedAt: start, schedule: schedule, now: start)
        onProbe(machine, [])
        while let due = machine.next {
            let wait = due.at.timeIntervalSince(now())
            if wait > 0 { try await clock.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))), tolerance: nil) }
            try Task.checkCancellation()
            let answer = await probe.attempt(target, timeout: machine.attemptTimeout(now: now()))
            try Task.checkCancellation()
            let changes = machine.receive(answer, now: now()).changes
            onProbe(machine, changes)
        }
        return machine.outcome ?? .notProbed(reason: "the probe ended without an answer")
    }

    /// The time now, moving with the monotonic clock from the wall clock's time at the start: a
    /// wall clock set back or forward (NTP, an operator) moves neither the probe's waits nor its bound.
    public static func steadyNow() -> @Sendable () -> Date {
        let clock = ContinuousClock()
        let start = (instant: clock.now, date: Date())
        return { start.date.addingTimeInterval(start.instant.duration(to: clock.now).timeInterval) }
    }

    /// The report for `readiness`: known_hosts read (SSH only), the host key scanned when SSH answered.
    public func report(_ readiness: LoginReadiness) async -> LoginReport {
        var findings: KnownHosts.Findings?
        var readError: String?
        if target.kind == .ssh {
            do {
                findings = try KnownHosts.read(file: knownHostsFile, address: target.address, port: target.port,
                                               environment: environment)
            } catch {
                readError = "\(knownHostsFile.path): \((error as NSError).localizedDescription)"
            }
        }
        let scan: HostKeyScan.Result? = readiness.isReady && target.kind == .ssh
            ? await HostKeyScan.scan(target, policy: policy, tool: ExternalTool.find("ssh-keyscan", environment: environment))
            : nil
        let keyFile = target.keypairName.flatMap { LoginCommand.keyFile(for: $0, environment: environment) }
        let knownHostsOption = findings.map { $0.isDefaultFile ? nil : $0.file } ?? nil
        let command = LoginCommand(target: target, keyFile: keyFile, knownHostsFile: knownHostsOption)
        return LoginReport(target: target, readiness: readiness, knownHosts: findings, knownHostsError: readError,
                           hostKeys: scan, loginCommand: command.text)
    }

    /// Both: probe, then report, in one task, so that cancelling it (Ctrl-C) also stops the host
    /// key scan (ssh-keyscan is killed) and throws `CancellationError` instead of reporting.
    public func run(onChange: @Sendable (LoginProbe.Change) -> Void = { _ in }) async throws -> LoginReport {
        let report = await report(try await waitForLogin(onChange: onChange))
        try Task.checkCancellation()
        return report
    }
}
