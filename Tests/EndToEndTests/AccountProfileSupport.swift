import Foundation
import ScreenCapture
import Testing

/// What the simulator's real-account profiles hold, and the TUI started on a jump host that has
/// nothing but an ECS agency.
enum AccountProfile {
    /// The generated enterprise projects besides the default one (`0`).
    static let firstEP = "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"
    static let secondEP = "8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02"
    /// Servers in the account (`--servers`).
    static let servers = 40
    /// Servers a user granted `0` and `firstEP` sees among those 40: the demo's 12 hand-written
    /// servers (all in `0`) and, of the 28 generated ones (numbers 12–39), those whose number
    /// modulo 6 is 0, 1 or 2 (the default project) or 3 (`firstEP`): 16 of 12–35 and 4 of 36–39.
    static let grantedServers = 32

    /// Every refusal of a real account at once: a user authorised per enterprise project, without
    /// IAM read, in a region without KPS, on an ECS whose agency gives temporary credentials, in an
    /// account that also holds bare metal servers.
    static func allRefusals(temporaryCredentialsSeconds: Int? = nil, logRequests: Bool = false) -> [String] {
        ["--servers", String(servers), "--granted-eps", "0,\(firstEP)", "--no-iam-read", "--no-kps", "--metadata",
         "--bare-metal", "3"]
            + (temporaryCredentialsSeconds.map { ["--temporary-credentials-seconds", String($0)] } ?? [])
            + (logRequests ? ["--log-requests"] : [])
    }
}

extension StandaloneSimulator {
    /// How many times a client asked the metadata service for credentials (needs `--log-requests`).
    var securityKeyReads: Int {
        errorOutput.split(separator: "\n").filter { $0.hasPrefix("request: GET /openstack/latest/securitykey") }.count
    }
}

extension TmuxSession {
    /// Starts the app for real (not the demo) in the session's shell, as on a jump host whose only
    /// credentials are its ECS agency's: `env -i` leaves out every variable of the test's own
    /// environment (no `HUAWEICLOUD_SDK_*`), `HOME` is an empty folder (no SDK credentials file, no
    /// KooCLI configuration), the metadata service and every endpoint are the simulator's, and no
    /// region or project is given. As `launchDemo`, the screen shows `EXITED=<status>` afterwards.
    func launchOnAgency(binary: URL, simulator: StandaloneSimulator, home: ScratchFolder,
                        arguments: [String] = []) async throws {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let variables = [
            "TERM=\"$TERM\"", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=" + quoted(home.url.path),
            "XDG_STATE_HOME=" + quoted(home.path("state")), "ECS_REINSTALL_METADATA_URL=" + quoted(simulator.url),
        ].joined(separator: " ")
        let command = (["--endpoint", simulator.url] + arguments).map(quoted).joined(separator: " ")
        try await type("r() { env -i \(variables) \(quoted(binary.path)) \(command); echo \"EXITED=$?\"; }")
        try await press("Enter")
        try await type("r")
        try await press("Enter")
    }
}

/// Driving the reinstall of one server through the TUI, as `ReinstallFlowTests` does.
enum ReinstallDriving {
    /// Moves the form's focus onto the submit button and waits until the button is drawn focused:
    /// Down stops at the last field; from the login of a key pair form, Shift-Tab twice wraps to
    /// it instead (↓ on the key pair field moves inside its list).
    static func focusSubmit(_ tmux: TmuxSession, button: String, fromKeypairLogin: Bool = false) async throws {
        if fromKeypairLogin {
            try await tmux.press("BTab", "BTab")
        } else {
            try await tmux.press("Down", times: 10)
        }
        try await tmux.waitUntil("the focused button \(button)", escapes: true) {
            AppScreen.isReversed($0, button)
        }
    }

    /// The review step: waits for the summary, types the server's name and presses Enter.
    static func confirmByName(_ tmux: TmuxSession, _ name: String) async throws {
        try await tmux.waitFor("Review: reinstall the OS of \(name)", "Type the name or the id")
        try await tmux.type(name)
        try await tmux.waitFor("Enter sends it")
        try await tmux.press("Enter")
    }
}
