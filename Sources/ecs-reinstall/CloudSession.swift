import App
import ArgumentParser
import CloudSimulator
import Foundation
import HuaweiCloud
import Logging
import Reinstall

/// The cloud a command talks to: Huawei Cloud with the credentials `CredentialChain` finds (unless
/// `--demo` is given), or the embedded simulator on a loopback port: with `--demo`, or when no
/// credentials are found and the caller accepts the demo (the TUI; the commands for scripts refuse).
/// Shared by the TUI and the commands, so they find credentials, regions and endpoints the same way.
struct CloudSession: Sendable {
    var client: CloudClient
    var mode: AccountMode
    var simulator: CloudSimulator?
    /// The project's name when the scope is the remembered one (`ScopeMemory`); nil otherwise.
    var projectName: String?

    /// Names this account in the remembered scopes (`ScopeMemory.accountKey`): the demo has its own.
    var accountKey = ScopeMemory.accountKey(source: .demo, endpoint: nil)
    /// How a reinstalled server's login port is probed (`--wait-login`, the job pane): the real
    /// cloud's servers at their addresses; a simulated cloud's on loopback only, in the demo at
    /// its listener port with its own known_hosts.
    var readiness = ReadinessSettings(policy: .realCloud)
    /// The demo's scratch folder (its known_hosts), made by `prepareReadiness()` on first use,
    /// removed by `stop()`.
    var demoScratch: DemoScratch?

    /// Where the credentials came from (`.demo` for the simulator's).
    var credentialSource: CredentialSource { client.credentialSource }

    /// The journal's name for this account, as `AppState` computes it.
    var journalScope: String {
        JournalEntry.scope(demo: mode == .demo, region: client.endpoints.region, projectId: client.projectId)
    }

    struct Options: Sendable {
        var region: String?
        var endpoint: String?
        var demo = false
        /// `--profile NAME`: that KooCLI profile.
        var profile: String?
        var demoJobSeconds = 12
        var demoFailureRate = 0.0
        var demoFaults = "none"
        var enterpriseProjects: EnterpriseProjectScope = .allGranted
        var timeouts: HTTPClientTransport.Timeouts = .standard
    }

    /// What to do when no credentials are configured at all.
    enum WithoutCredentials: Sendable {
        /// Open the demo (the TUI, whose header says DEMO).
        case demo
        /// Refuse, exit 3, listing the places looked at (the commands for scripts, which must
        /// never act on a simulated cloud by surprise).
        case refuse
    }

    /// - Parameter remembered: the TUI's last scope for an account (its key, `ScopeMemory.accountKey`),
    ///   used when neither `--region`, the region variables nor `HUAWEICLOUD_SDK_PROJECT_ID` say
    ///   where to work. The commands for scripts pass none: they never act on a region by surprise.
    static func connect(
        _ options: Options, environment: [String: String], withoutCredentials: WithoutCredentials,
        remembered: (@Sendable (String) -> ProjectScope?)? = nil
    ) async throws -> CloudSession {
        let override = try options.endpoint.map { text -> URL in
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ValidationError("--endpoint must be an http(s) URL, got \(Endpoints.redacted(text))")
            }
            return url
        }
        if options.demo { return try await startDemo(options, remembered: remembered) }
        let resolved: CredentialChain.Resolved
        do {
            resolved = try await CredentialChain(environment: environment, profile: options.profile).resolve()
        } catch let notFound as CredentialsNotFound {
            switch withoutCredentials {
            case .demo: return try await startDemo(options, remembered: remembered)
            case .refuse: throw CommandFailure(notFound.message, code: ScriptExit.authentication)
            }
        }
        let named = options.region ?? environment["HUAWEICLOUD_SDK_REGION"] ?? environment["HUAWEICLOUD_SDK_REGION_ID"]
        let accountKey = ScopeMemory.accountKey(source: resolved.source, accessKey: await Self.lastingAccessKey(resolved),
                                                endpoint: override)
        let recalled = named == nil && resolved.environmentProjectId == nil ? remembered?(accountKey) : nil
        guard let region = named ?? recalled?.region ?? resolved.region else {
            throw ValidationError("Credentials are configured (\(resolved.source)); pass --region (e.g. --region cn-north-4).")
        }
        // A proxy variable that cannot be used is reported now, not at the first call.
        let proxies = try ProxySettings(environment: environment)
        var client = try await CloudClient.connect(
            credentialProvider: resolved.provider,
            endpoints: Endpoints(region: region, override: override, environment: environment,
                                 iamEndpoint: resolved.iamEndpoint,
                                 regionsFile: override == nil ? try RegionsFile.load(environment: environment) : nil),
            projectId: recalled?.projectId ?? resolved.projectId(in: region),
            transport: HTTPClientTransport(timeouts: options.timeouts, proxies: proxies))
        client.enterpriseProjects = options.enterpriseProjects
        logConnected(client)
        // An ECS endpoint on this machine is a simulator (or a tunnel): whatever its servers'
        // addresses say, nothing but loopback is probed. Decided from the URL the servers are
        // actually read from, whichever rule gave it (--endpoint, the environment, the regions file).
        let local = (try? client.endpoints.url(for: .ecs)).flatMap(\.host).map(Loopback.isHost) ?? false
        return CloudSession(client: client, mode: .real, simulator: nil, projectName: recalled?.projectName,
                            accountKey: accountKey,
                            readiness: ReadinessSettings(policy: local ? .simulatedCloud : .realCloud))
    }

    /// The access key of credentials that last (the variables, the SDK's file, a KooCLI profile),
    /// which tells accounts apart in the remembered scopes; nil for the metadata service's
    /// temporary keys, which change, and for keys that cannot be read now.
    private static func lastingAccessKey(_ resolved: CredentialChain.Resolved) async -> String? {
        if case .ecsMetadata = resolved.source { return nil }
        return try? await resolved.provider.credentials().accessKey
    }

    /// The demo: a simulator on a free loopback port with throw-away keys, reached over real
    /// HTTP with real signing, exactly as the real cloud would be.
    private static func startDemo(
        _ options: Options, remembered: (@Sendable (String) -> ProjectScope?)?
    ) async throws -> CloudSession {
        let region = options.region ?? DemoRegions.home
        guard DemoRegions.regions.contains(region) else {
            throw ValidationError("--demo: the demo account has projects in \(DemoRegions.regions.joined(separator: ", ")) only; "
                + "--region \(region) is not one of them.")
        }
        // The simulated account is the same on every start: a remembered project of it is still there.
        let recalled = options.region == nil ? remembered?(ScopeMemory.accountKey(source: .demo, endpoint: nil)) : nil
        let faults: FaultPlan
        do {
            faults = try FaultPlan(parsing: options.demoFaults)
        } catch {
            throw ValidationError("--demo-faults: \(error)")
        }
        let accessKey = "DEMO" + randomHex(16).uppercased()
        let secretKey = Secret(randomHex(40))
        // The simulated account is the same whatever `--region` says: that picks the project it
        // opens in (looked up on its IAM, as for a real account), never a new layout.
        var configuration = SimulatorConfiguration.demo(
            accessKey: accessKey, secretKey: secretKey, region: DemoRegions.home,
            jobDuration: .seconds(max(1, options.demoJobSeconds)), failureRate: options.demoFailureRate)
        // Reinstalled servers answer on their own loopback address a few seconds after they are
        // ACTIVE (a booting system), so the demo shows the probe's back-off and then "ready to
        // log in", without this host reaching any other machine.
        configuration.loopbackAddresses = true
        configuration.loginListener = LoginListenerSettings(bootDelay: .seconds(3))
        let simulator = CloudSimulator(configuration: configuration)
        let url = try await simulator.start(port: 0)
        let port = await simulator.loginPort ?? 22
        let scratch = DemoScratch(simulator: simulator, port: port)
        // The simulator is on loopback, which no proxy setting can divert.
        var client = try await CloudClient.connect(
            credentialProvider: StaticCredentialProvider(Credentials(accessKey: accessKey, secretKey: secretKey), source: .demo),
            endpoints: Endpoints(region: recalled?.region ?? region, override: url), projectId: recalled?.projectId,
            transport: HTTPClientTransport(timeouts: options.timeouts, proxies: .direct))
        client.enterpriseProjects = options.enterpriseProjects
        // After connecting, so the project lookup is not hit.
        if faults != .none { await simulator.setFaultPlan(faults) }
        logConnected(client)
        // The demo's readiness: loopback only, its listener port, and a known_hosts of its own
        // (never the operator's), made when first needed (`prepareReadiness()`).
        return CloudSession(client: client, mode: .demo, simulator: simulator, projectName: recalled?.projectName,
                            readiness: ReadinessSettings(policy: .simulatedCloud, port: port,
                                                         knownHostsFile: scratch.knownHostsFile),
                            demoScratch: scratch)
    }

    /// `readiness`, with the demo's known_hosts made if this is the demo and it is not made yet:
    /// call it before a check reads known_hosts (the commands' `--wait-login`, the TUI's first
    /// probe). A folder that cannot be made is said on stderr; the check then finds no entries.
    func prepareReadiness() async -> ReadinessSettings {
        do {
            try await demoScratch?.prepare()
        } catch {
            Console.error("warning: the demo's known_hosts could not be made: \((error as NSError).localizedDescription)")
        }
        return readiness
    }

    /// For `--debug`: which credentials, region, project and endpoint the session uses.
    private static func logConnected(_ client: CloudClient) {
        let endpoint = client.endpoints.override.map { Endpoints.redacted($0.absoluteString) } ?? "the region's"
        Logger(label: "ecs-reinstall.session").info("""
            credentials from \(client.credentialSource), region \(client.endpoints.region), project \
            \(client.projectId), endpoint \(endpoint)
            """)
    }

    /// The demo's folder goes first: after a signal the exit watchdog may end the process
    /// while the simulator is still stopping.
    func stop() async {
        demoScratch?.remove()
        await simulator?.stop()
    }
}

