import ArgumentParser
import Foundation
import Reinstall

/// `--wait-login` and its settings, shared by `reinstall` and `job`.
struct LoginOptions: ParsableArguments {
    @Flag(help: "After the wait, probe the server's login port (SSH 22, RDP 3389) until it answers or --login-timeout passes, and check known_hosts for its old host key. Implies --wait.")
    var waitLogin = false

    @Option(help: ArgumentHelp("Port to probe instead of 22 (Linux) or 3389 (Windows).", valueName: "port"))
    var loginPort: Int?

    @Option(help: ArgumentHelp("Address to probe instead of the server's private IPv4 address.", valueName: "address"))
    var loginAddress: String?

    @Option(help: ArgumentHelp("Seconds to keep probing before giving up (default 300).", valueName: "seconds"))
    var loginTimeout: Double?

    @Option(help: ArgumentHelp("The known_hosts file to check for the old host key (default ~/.ssh/known_hosts; the demo's own in the demo).",
                               valueName: "file"),
            completion: .file())
    var knownHosts: String?

    func validate() throws {
        let given = [("--login-port", loginPort != nil), ("--login-address", loginAddress != nil),
                     ("--login-timeout", loginTimeout != nil), ("--known-hosts", knownHosts != nil)]
        if !waitLogin, let (name, _) = given.first(where: \.1) {
            throw ValidationError("\(name) only applies with --wait-login.")
        }
        if let loginPort, !(1...65535).contains(loginPort) {
            throw ValidationError("--login-port must be 1…65535, got \(loginPort).")
        }
        if let loginTimeout, !(loginTimeout >= 1 && loginTimeout <= 86_400) {
            throw ValidationError("--login-timeout must be 1…86400 seconds.")
        }
        if let loginAddress, loginAddress.isEmpty || loginAddress.contains(where: \.isWhitespace) {
            throw ValidationError("--login-address needs an address.")
        }
        // An address never starts with '-'; ssh-keyscan and ssh-keygen are guarded anyway.
        if let loginAddress, loginAddress.hasPrefix("-") {
            throw ValidationError("--login-address must be an address or a host name, got \(loginAddress.shown).")
        }
    }

    /// The session's settings (the demo's port and known_hosts, the probe policy) with what was chosen.
    /// The session's settings with these options; the demo's own known_hosts is made only when
    /// it is the one read (no `--known-hosts`).
    func settings(for session: CloudSession) async -> ReadinessSettings {
        settings(knownHosts == nil ? await session.prepareReadiness() : session.readiness)
    }

    func settings(_ base: ReadinessSettings) -> ReadinessSettings {
        var settings = base
        if let loginPort { settings.port = loginPort }
        if let loginAddress { settings.address = loginAddress }
        if let loginTimeout { settings.schedule.giveUpAfter = .milliseconds(Int64((loginTimeout * 1000).rounded())) }
        if let knownHosts { settings.knownHostsFile = URL(fileURLWithPath: knownHosts) }
        return settings
    }
}
