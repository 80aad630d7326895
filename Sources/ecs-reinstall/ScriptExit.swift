import ArgumentParser
import HuaweiCloud

/// The exit codes of the commands for scripts (also in their help and in README.md).
enum ScriptExit {
    /// Done: listed, shown, dry-run printed, reinstall accepted (or, with --wait, succeeded).
    static let done: Int32 = 0
    /// The job failed, or the request was refused before sending (validation, pre-flight, no confirmation).
    static let refused: Int32 = 1
    /// Wrong usage: unknown option, missing argument, bad value.
    static let usage: Int32 = 2
    /// Authentication: no credentials found (without --demo), or the cloud refused them or the
    /// signature (APIGW.0301, HTTP 401).
    static let authentication: Int32 = 3
    /// The cloud could not be reached or was unavailable (network, timeouts, 5xx, throttling).
    static let unavailable: Int32 = 4
    /// A reinstall got no clear answer: it may have started. Check the server; do not resend blindly.
    static let uncertain: Int32 = 5
    /// `--wait-login`: the reinstall succeeded, but the login port did not answer from here within
    /// `--login-timeout` (or could not be probed). Not a failure of the reinstall: this host may
    /// simply be in another network.
    static let notReachable: Int32 = 6

    /// The help text every command for scripts carries.
    static let table = """
        Exit codes: 0 done; 1 job failed, or refused (validation, pre-flight, no confirmation); \
        2 usage; 3 authentication (no credentials found, the places looked at listed; or refused: APIGW.0301, HTTP 401); 4 network or cloud unavailable \
        (timeouts, 5xx, throttling); 5 a reinstall whose outcome is unknown (check the server \
        before sending it again); 6 with --wait-login: the reinstall succeeded but the login port did \
        not answer from here within --login-timeout, or could not be probed (not a failure of the \
        reinstall); 130 Ctrl-C (a job already sent goes on in the cloud: its id and how to follow it \
        are printed).
        """

    /// The message and exit code a failure ends a command (or the UI's start) with; nil for an
    /// error of another kind, which is left to the caller.
    static func ending(_ error: any Error) -> (message: String, code: Int32)? {
        switch error {
        case let failure as CommandFailure: (failure.message, failure.code)
        case let cloud as CloudError: (cloud.message, code(for: cloud))
        case let usage as ValidationError: (usage.message, Self.usage)
        default: nil
        }
    }

    /// The exit code for a cloud failure.
    static func code(for error: CloudError) -> Int32 {
        switch error {
        case let .api(status, code, _, _):
            if error.isAuthenticationRefusal || code == "Common.0013" { return authentication }
            if status >= 500 || error.isThrottling { return unavailable }
            return refused
        case .transport, .malformedResponse:
            return unavailable
        case .configuration:
            return refused
        }
    }
}

/// A failure that ends a command: its message goes to stderr, its code is the exit status.
struct CommandFailure: Error {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = ScriptExit.refused) {
        self.message = message
        self.code = code
    }

    init(_ error: CloudError) {
        self.init(error.message, code: ScriptExit.code(for: error))
    }
}
