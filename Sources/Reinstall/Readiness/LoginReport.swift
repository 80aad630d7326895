import Foundation

/// Everything the readiness step found for one server, and the ONE wording of it that the TUI's
/// job pane and the commands show. `Codable`: the commands' `--json` carries it as `login`.
public struct LoginReport: Sendable, Equatable {
    public var target: LoginTarget
    public var readiness: LoginReadiness
    /// The known_hosts entries for the server; nil when the file could not be read (`knownHostsError`).
    public var knownHosts: KnownHosts.Findings?
    public var knownHostsError: String?
    /// The new host keys; nil when no scan was made (the port did not answer, or RDP).
    public var hostKeys: HostKeyScan.Result?
    public var loginCommand: String

    public init(target: LoginTarget, readiness: LoginReadiness, knownHosts: KnownHosts.Findings?,
                knownHostsError: String? = nil, hostKeys: HostKeyScan.Result?, loginCommand: String) {
        self.target = target
        self.readiness = readiness
        self.knownHosts = knownHosts
        self.knownHostsError = knownHostsError
        self.hostKeys = hostKeys
        self.loginCommand = loginCommand
    }

    // MARK: The wording

    /// `SSH answers after 1m12s` / `RDP answers after 40s` / `not reachable from here: …`.
    public var readinessLine: String { readiness.message(kind: target.kind) }

    /// `known_hosts has 2 entries for 10.0.0.5 (1 hashed): the old host key; run: ssh-keygen -R 10.0.0.5`;
    /// nil when it has none, and for RDP, which has no SSH host key.
    public var knownHostsLine: String? {
        guard target.kind == .ssh else { return nil }
        if let knownHostsError { return "known_hosts not read: \(knownHostsError)" }
        guard let knownHosts, !knownHosts.entries.isEmpty else { return nil }
        let count = knownHosts.entries.count
        let hashed = knownHosts.hashedCount
        return "known_hosts has \(count == 1 ? "1 entry" : "\(count) entries") for \(knownHosts.hostName)"
            + (hashed > 0 ? " (\(hashed) hashed)" : "")
            + ": the old host key; run: \(knownHosts.removalCommand)"
    }

    /// `no entry for 10.0.0.5 in ~/.ssh/known_hosts`: the file was read and holds no old key (SSH only).
    public var knownHostsNoEntryLine: String? {
        guard target.kind == .ssh, knownHostsError == nil, let knownHosts, knownHosts.entries.isEmpty else { return nil }
        return "no entry for \(knownHosts.hostName) in \(knownHosts.file)"
    }

    /// `new host key: ssh-ed25519 SHA256:…` (one line per key), or why it was not read.
    public var hostKeyLines: [String] {
        switch hostKeys {
        case nil: return []
        case let .keys(keys): return keys.map { "new host key: \($0.type) \($0.fingerprint)" }
        case let .unavailable(why): return ["new host key not read: \(why)"]
        }
    }

    /// `ready to log in: ssh root@10.0.0.5`, or `to log in: …` when the port did not answer.
    public var loginLine: String {
        (readiness.isReady ? "ready to log in: " : "to log in: ") + loginCommand
    }

    /// All of it, in the order shown (no login line without an address to log into).
    public var lines: [String] {
        [readinessLine] + [knownHostsLine].compactMap { $0 } + hostKeyLines + (loginCommand.isEmpty ? [] : [loginLine])
    }
}

extension LoginReport: Codable {
    private struct Wire: Codable {
        var address: String
        var port: Int
        var kind: LoginKind
        var user: String
        var keypairName: String?
        var state: String
        var afterSeconds: Double?
        var banner: String?
        var reason: String?
        var message: String
        var knownHosts: KnownHostsWire?
        var knownHostsError: String?
        var hostKeys: [HostKey]?
        var hostKeysNote: String?
        var loginCommand: String
        var ready: Bool

        enum CodingKeys: String, CodingKey {
            case address, port, kind, user, state, banner, reason, message, ready
            case keypairName = "keypair_name"
            case afterSeconds = "after_seconds"
            case knownHosts = "known_hosts"
            case knownHostsError = "known_hosts_error"
            case hostKeys = "host_keys"
            case hostKeysNote = "host_keys_note"
            case loginCommand = "login_command"
        }

        // Every key present, null when unknown, as the commands' other JSON.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(address, forKey: .address)
            try c.encode(port, forKey: .port)
            try c.encode(kind, forKey: .kind)
            try c.encode(user, forKey: .user)
            try c.encode(keypairName, forKey: .keypairName)
            try c.encode(state, forKey: .state)
            try c.encode(ready, forKey: .ready)
            try c.encode(afterSeconds, forKey: .afterSeconds)
            try c.encode(banner, forKey: .banner)
            try c.encode(reason, forKey: .reason)
            try c.encode(message, forKey: .message)
            try c.encode(knownHosts, forKey: .knownHosts)
            try c.encode(knownHostsError, forKey: .knownHostsError)
            try c.encode(hostKeys, forKey: .hostKeys)
            try c.encode(hostKeysNote, forKey: .hostKeysNote)
            try c.encode(loginCommand, forKey: .loginCommand)
        }
    }

    private struct KnownHostsWire: Codable {
        var findings: KnownHosts.Findings
        var removeCommand: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case file, entries, message
            case hostName = "host_name"
            case isDefaultFile = "is_default_file"
            case removeCommand = "remove_command"
        }

        init(findings: KnownHosts.Findings, message: String?) {
            self.findings = findings
            removeCommand = findings.entries.isEmpty ? nil : findings.removalCommand
            self.message = message
        }

        init(from decoder: Decoder) throws {
            findings = try KnownHosts.Findings(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            removeCommand = try c.decodeIfPresent(String.self, forKey: .removeCommand)
            message = try c.decodeIfPresent(String.self, forKey: .message)
        }

        func encode(to encoder: Encoder) throws {
            try findings.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(removeCommand, forKey: .removeCommand)
            try c.encode(message, forKey: .message)
        }
    }

    public init(from decoder: Decoder) throws {
        let wire = try Wire(from: decoder)
        let after = Duration.milliseconds(Int(((wire.afterSeconds ?? 0) * 1000).rounded()))
        switch wire.state {
        case "answered": readiness = .answered(after: after, banner: wire.banner)
        case "unreachable": readiness = .unreachable(reason: wire.reason ?? "", after: after)
        default: readiness = .notProbed(reason: wire.reason ?? "")
        }
        target = LoginTarget(address: wire.address, port: wire.port, kind: wire.kind, user: wire.user,
                             keypairName: wire.keypairName)
        knownHosts = wire.knownHosts?.findings
        knownHostsError = wire.knownHostsError
        if let keys = wire.hostKeys {
            hostKeys = .keys(keys)
        } else {
            hostKeys = wire.hostKeysNote.map { .unavailable($0) }
        }
        loginCommand = wire.loginCommand
    }

    public func encode(to encoder: Encoder) throws {
        var banner: String?, reason: String?, after: Duration?
        switch readiness {
        case let .answered(time, text): (after, banner) = (time, text)
        case let .unreachable(why, time): (after, reason) = (time, why)
        case let .notProbed(why): reason = why
        }
        var keys: [HostKey]?, note: String?
        switch hostKeys {
        case let .keys(found): keys = found
        case let .unavailable(why): note = why
        case nil: break
        }
        let wire = Wire(
            address: target.address, port: target.port, kind: target.kind, user: target.user,
            keypairName: target.keypairName, state: readiness.state,
            afterSeconds: after.map { ($0.timeInterval * 1000).rounded() / 1000 }, banner: banner, reason: reason,
            message: readinessLine, knownHosts: knownHosts.map { KnownHostsWire(findings: $0, message: knownHostsLine) },
            knownHostsError: knownHostsError, hostKeys: keys, hostKeysNote: note, loginCommand: loginCommand,
            ready: readiness.isReady)
        try wire.encode(to: encoder)
    }
}
