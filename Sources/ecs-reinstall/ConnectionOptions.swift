import ArgumentParser
import Foundation

/// The options every command for scripts shares: which cloud, and how to reach it.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Region, e.g. cn-north-4 (default: HUAWEICLOUD_SDK_REGION; cn-north-4 in the demo).")
    var region: String?

    @Option(help: "Send every service to this base URL (a simulator or a private gateway).")
    var endpoint: String?

    @Flag(help: "Use the simulated cloud even when credentials are configured.")
    var demo = false

    @Option(help: "Use this profile of KooCLI's ~/.hcloud/config.json (AKSK, unencrypted), whatever else is configured.")
    var profile: String?

    @Option(help: .hidden)
    var demoJobSeconds: Int = 12

    @Option(help: .hidden)
    var demoFailureRate: Double = 0

    /// Faults of the demo's cloud once connected, in the simulator's `--faults` grammar (tests use
    /// `hang=1` to keep requests in flight).
    @Option(help: .hidden)
    var demoFaults: String = "none"

    var sessionOptions: CloudSession.Options {
        CloudSession.Options(region: region, endpoint: endpoint, demo: demo, profile: profile,
                             demoJobSeconds: demoJobSeconds, demoFailureRate: demoFailureRate,
                             demoFaults: demoFaults)
    }

    /// Connects for a command for scripts: never to the demo unless `--demo` asks for it (without
    /// credentials it exits 3), and saying so on stderr when it is, so nobody mistakes it for production.
    func connect() async throws -> CloudSession {
        let session = try await CloudSession.connect(
            sessionOptions, environment: ProcessInfo.processInfo.environment, withoutCredentials: .refuse)
        if session.mode == .demo {
            Console.error("DEMO — simulated cloud (--demo): nothing real is changed.")
        }
        return session
    }
}
