import ArgumentParser
import HuaweiCloud
import Reinstall

/// `ecs-reinstall reinstall SERVER`: one reinstall from a script, through the same checks as the UI.
struct ReinstallCommand: AsyncParsableCommand, ConnectedCommand {
    static let configuration = CommandConfiguration(
        commandName: "reinstall", abstract: "Reinstall one server's OS, with the same checks as the UI.",
        discussion: """
            SERVER is a server id or an exact name; a name several servers share is refused, listing \
            them. Give exactly one login: --keypair NAME, or --password-stdin to read the password as \
            one line from stdin (never from the command line or the environment), or --no-login with \
            --user-data when the user data creates the login. The checks are the UI's form's, in its \
            words: the password rules, the login with user data (a password with user data on Linux \
            v2 is refused: the cloud ignores it), the v1/v2 endpoint decision, the pre-flight (system \
            disk, lock, running operation, --stop for a running server); so is the job journal. \
            Without --yes the name of the server is asked on the terminal; with no terminal and no \
            --yes it is refused.

            On success the job id is printed on stdout (after it is in the journal) and the outcome on \
            stderr. --wait then follows the job to SUCCESS or FAIL and the server until it leaves \
            REBUILD, printing changes on stderr. --wait-login (which implies --wait) then probes the \
            server's login port from this host (SSH 22 on Linux, RDP 3389 on Windows, or --login-port; on \
            the private IPv4 address, or --login-address) with a bounded back-off (2 s, 4 s, 8 s, then every \
            15 s, giving up after --login-timeout, 300 s by default), checks known_hosts (--known-hosts, \
            default ~/.ssh/known_hosts) for the old host key and prints the `ssh-keygen -R` to run (it is \
            never run for you), the new host key's SHA256 fingerprint when ssh-keyscan is installed, and \
            the command to log in. An unreachable port is normal when this host is in another network: \
            it exits 6, not 1. A simulated cloud (--demo, or an --endpoint on a loopback address) is only \
            ever probed on loopback addresses. --dry-run prints the request (method, URL, body with \
            the password as ••••) and sends nothing. --json prints {"outcome", "job_id", "status", \
            "server_id", "server_name", "api", "server_status", "error_code", "fail_reason", "message", \
            "userid_sent", "login", "demo", "credentials"} \
            (with --dry-run: {"dry_run", "method", "url", "body", "server_id", "server_name", "api", \
            "userid_sent", "demo", "credentials"}; userid_sent is null without a key pair; login is the \
            --wait-login report, null without it: {"address", "port", "kind", "user", "keypair_name", "state" \
            (answered, unreachable, not_probed), "ready", "after_seconds", "banner", "reason", "message", \
            "known_hosts" ({"file", "host_name", "entries", "is_default_file", "remove_command", "message"} \
            or null), "known_hosts_error", "host_keys", "host_keys_note", "login_command"}). The IAM user id goes with a key pair as userid when it is known \
            (--user-id, or looked up for the access key); it is optional, and left out when IAM will not say. \
            --cloud-init auto refuses an image that gives no evidence (imported from a file, unreadable): \
            say yes (v2) or no (v1).

            \(ScriptExit.table)
            """)

    enum CloudInit: String, ExpressibleByArgument, CaseIterable, Sendable {
        case auto, yes, no
    }

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The server's id, or its exact name.")
    var server: String

    @Option(name: [.customLong("keypair"), .customLong("key-pair")], help: "Log in with this key pair.")
    var keypair: String?

    @Flag(help: "Read the password from stdin (one line).")
    var passwordStdin = false

    @Flag(help: "Send neither a key pair nor a password: the user data creates the login (needs --user-data, v2).")
    var noLogin = false

    @Option(help: "IAM user id sent with a key pair as userid (default: looked up for the access key; left out when unknown).")
    var userId: String?

    @Option(help: ArgumentHelp("Cloud-Init user data, at most 32 KB (v2 only).", valueName: "file"),
            completion: .file())
    var userData: String?

    @Flag(help: "Stop a running (ACTIVE) server first (mode withStopServer).")
    var stop = false

    @Option(help: ArgumentHelp("Encrypt the system disk with this KMS key (36-character id).", valueName: "id"))
    var encryptCmk: String?

    @Flag(help: "Bring your own license (metadata BYOL).")
    var byol = false

    @Option(help: "Whether the image has Cloud-Init: auto decides from the image (v2 with, v1 without).")
    var cloudInit: CloudInit = .auto

    @Flag(help: "Print the request and send nothing.")
    var dryRun = false

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    @Flag(help: "Wait for the job to finish and the server to leave REBUILD.")
    var wait = false

    @OptionGroup(title: "Ready to log in") var login: LoginOptions

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard [keypair != nil, passwordStdin, noLogin].filter({ $0 }).count == 1 else {
            throw ValidationError(ReinstallRun.loginUsage)
        }
        if noLogin && userData == nil {
            throw ValidationError("--no-login is only valid with --user-data: the user data must create the login.")
        }
        if let keypair, keypair.isEmpty { throw ValidationError("--keypair needs a key pair name.") }
        if let encryptCmk, !CMKIdentifier.isValid(encryptCmk) {
            throw ValidationError("--encrypt-cmk: \(PlanError.invalidCMKId.message) (got '\(encryptCmk)').")
        }
    }

    func run() async throws {
        // The password is read before anything else, so a failure later cannot leave it unread
        // in a pipe; user data too, so a bad file is refused before the cloud is asked anything.
        var password: Secret?
        defer { password?.wipe() }
        var options = ReinstallOptions(cmkId: encryptCmk, byol: byol)
        do {
            if passwordStdin { password = try PasswordInput.readLine() }
            if let userData { options.userData = try UserDataFile.read(userData) }
        } catch {
            Console.error("error: \(error.message)")
            throw ExitCode(error.code)
        }
        let run = ReinstallRun(
            serverText: server, keypair: keypair, password: password, noLogin: noLogin, userId: userId, options: options,
            stop: stop, cloudInit: cloudInit, dryRun: dryRun, yes: yes, wait: wait || login.waitLogin,
            login: login.waitLogin ? login : nil, json: json,
            interruption: dryRun ? nil : try WaitInterruption.install(.reinstall, scope: connection.commandScope))
        try await runScript(connection) { session in try await run.perform(session) }
    }
}
