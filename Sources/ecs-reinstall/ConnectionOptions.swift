import App
import ArgumentParser
import Foundation
import HuaweiCloud

/// The options every command for scripts shares: which cloud, and how to reach it.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Region, e.g. cn-north-4 (default: HUAWEICLOUD_SDK_REGION; cn-north-4 in the demo). Without it the TUI opens in the region or project last chosen with `:` (remembered per account); the commands for scripts never use that.")
    var region: String?

    @Option(help: "Send every service to this base URL (a simulator or a private gateway).")
    var endpoint: String?

    @Flag(help: "Use the simulated cloud even when credentials are configured.")
    var demo = false

    @Option(help: "Use this profile of KooCLI's ~/.hcloud/config.json (AKSK, unencrypted), whatever else is configured.")
    var profile: String?

    @Flag(help: "Append a line per HTTP exchange (method, URL, status, X-Request-Id, time, retries) and the credential source to $XDG_STATE_HOME/ecs-reinstall/debug.log (~/.local/state/… by default); never a secret.")
    var debug = false

    @Option(help: ArgumentHelp("Demo only: how long a simulated reinstall job takes.", valueName: "seconds"))
    var demoJobSeconds: Int = 12

    @Option(help: ArgumentHelp("Demo only: the share of simulated reinstall jobs that fail, 0 to 1.", valueName: "rate"))
    var demoFailureRate: Double = 0

    /// Faults of the demo's cloud once connected, in the simulator's `--faults` grammar (tests use
    /// `hang=1` to keep requests in flight).
    @Option(help: .hidden)
    var demoFaults: String = "none"

    @Option(help: ArgumentHelp(
        "List the servers of this enterprise project only (an id; 0 is the default one). Default: all those granted (all_granted_eps).",
        valueName: "id"))
    var enterpriseProject: String?

    @Option(help: ArgumentHelp("Seconds to establish a connection (default 10).", valueName: "seconds"))
    var connectTimeout: Double?

    @Option(help: ArgumentHelp("Seconds a read may take, from sending to the answer's end (default 30).", valueName: "seconds"))
    var readTimeout: Double?

    @Option(help: ArgumentHelp("Seconds a reinstall or stop may take to be answered (default 90, at least 60).",
                               valueName: "seconds"))
    var writeTimeout: Double?

    var sessionOptions: CloudSession.Options {
        get throws {
            var options = CloudSession.Options(region: region, endpoint: endpoint, demo: demo, profile: profile,
                                               demoJobSeconds: demoJobSeconds, demoFailureRate: demoFailureRate,
                                               demoFaults: demoFaults)
            do {
                options.enterpriseProjects = try EnterpriseProjectScope(option: enterpriseProject)
            } catch {
                throw ValidationError("--enterprise-project: \(error.message)")
            }
            for (kind, seconds) in [(HTTPClientTransport.Timeouts.Kind.connect, connectTimeout),
                                    (.read, readTimeout), (.write, writeTimeout)] {
                do {
                    options.timeouts = try options.timeouts.setting(kind, seconds: seconds)
                } catch {
                    throw ValidationError("--\(kind.rawValue)-timeout: \(error.message)")
                }
            }
            return options
        }
    }

    /// The flags that chose the cloud, for the commands printed to run later.
    var commandScope: CommandScope {
        CommandScope(region: region, profile: profile, endpoint: endpoint.map(Endpoints.redacted),
                     enterpriseProject: enterpriseProject)
    }

    func validate() throws {
        _ = try sessionOptions
    }

    /// Connects for a command for scripts: never to the demo unless `--demo` asks for it (without
    /// credentials it exits 3), and saying so on stderr when it is, so nobody mistakes it for production.
    func connect() async throws -> CloudSession {
        let session = try await CloudSession.connect(
            try sessionOptions, environment: ProcessInfo.processInfo.environment, withoutCredentials: .refuse)
        if session.mode == .demo {
            Console.error("DEMO — simulated cloud (--demo): nothing real is changed.")
        }
        return session
    }
}
