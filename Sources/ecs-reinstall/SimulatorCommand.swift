import ArgumentParser
import CloudSimulator
import Foundation
import HuaweiCloud

/// `ecs-reinstall simulator`: the fake cloud on 127.0.0.1, for tests, demos and other clients.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator", abstract: "Serve the simulated Huawei Cloud (ECS, IMS, KPS, IAM) on 127.0.0.1.",
        discussion: """
            --faults takes comma-separated key=value settings. Shares of requests, 0 to 1 (at most one \
            fault per request, so these add up to at most 1): 5xx, 429, 202 (Common.0024 on HTTP 202), \
            hang, reset, drop (carried out, then the connection closed unanswered), truncate, malformed; share of jobs: lostjob (answers 404 after its first read). \
            Options: burst=N (requests per 429 burst, default 3), retry-after=S (default 1), \
            hang-ms=N (default 120000). Example: --faults 5xx=0.1,429=0.05,lostjob=0.1

            --loopback-addresses gives each server a loopback address of its own (127.0.0.2, 127.0.0.3, …) \
            instead of its private one. --login-port then plays the SSH port of reinstalled servers: once a \
            server is ACTIVE after a rebuild, a listener on its address and this port (0 picks a free one, \
            printed in the ready line as "login port N") answers with an SSH banner; nothing listens while \
            it is rebuilt, nor before its first reinstall. Point `reinstall --wait-login --login-port N` at it.

            --metadata also serves the ECS metadata service on the same port (point \
            ECS_REINSTALL_METADATA_URL at it): its temporary credentials are accepted with their \
            security token until they expire (--temporary-credentials-seconds, default 3600).
            """)

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "The access key clients sign with.")
    var ak: String = SimulatorConfiguration().accessKey

    @Option(help: "The secret key clients sign with (a test key, never a real one).")
    var sk: String = SimulatorConfiguration().secretKey.reveal()

    @Option(help: "The project id.")
    var projectId: String = SimulatorConfiguration().projectId

    @Option(help: "The region.")
    var region: String = SimulatorConfiguration().region

    @Option(help: "Seconds a reinstall job takes (fractions allowed); a batch stop takes a quarter of it.")
    var jobSeconds: Double = 12

    @Option(help: "Share of reinstall jobs that fail, 0 to 1.")
    var failureRate: Double = 0

    @Option(help: "Servers in the account: the demo's hand-written ones first, then generated ones.")
    var servers: Int = SimulatorDataSet.defaultGeneratedCount

    @Option(help: "Seed of the generated servers, job ids and fault draws.")
    var seed: UInt64 = SimulatorConfiguration().randomSeed

    @Option(help: "Milliseconds added before every reply.")
    var latencyMs: Int = 0

    @Option(help: "Faults to inject, e.g. 5xx=0.1,429=0.05,reset=0.01 (see below).")
    var faults: String = "none"

    @Flag(help: "Refuse IAM reads as for an operator with ECS policies only: /v3/projects and the user id lookup answer 403.")
    var noIamRead = false

    @Flag(help: "Serve no KPS: /v3/{project_id}/keypairs answers 404 APIGW.0101; ECS os-keypairs still lists the key pairs.")
    var noKps = false

    @Option(help: ArgumentHelp(
        "Rename a server, ID=NAME (repeatable), e.g. to give two servers the same name.", valueName: "id=name"))
    var rename: [String] = []

    @Flag(help: "Also serve the ECS metadata service, which issues temporary credentials (an agency's).")
    var metadata = false

    @Option(help: "How long the metadata service's temporary credentials last, in the simulator's seconds (implies --metadata).")
    var temporaryCredentialsSeconds: Int?

    @Option(help: ArgumentHelp(
        "Act as a user authorised per enterprise project, granted these (comma-separated ids; 0 is the default one): "
            + "a server listing must then give enterprise_project_id.", valueName: "ids"))
    var grantedEps: String?

    @Option(help: "Bare metal servers added to the account, tagged __type_baremetal.")
    var bareMetal: Int = 0

    @Flag(help: "Send the fields of a server the tools read (about 1 KB) instead of the real cloud's (about 4 KB).")
    var leanDetails = false

    @Flag(help: "Write each request's method, path and query to stderr.")
    var logRequests = false

    @Flag(help: "Give each server a loopback address of its own (127.0.0.2, …) instead of its private one.")
    var loopbackAddresses = false

    @Option(help: ArgumentHelp(
        "Answer with an SSH banner on reinstalled servers' loopback addresses at this port (0: a free one); needs --loopback-addresses.",
        valueName: "port"))
    var loginPort: Int?

    func validate() throws {
        if let seconds = temporaryCredentialsSeconds, seconds < 1 {
            throw ValidationError("--temporary-credentials-seconds must be 1 or more")
        }
        guard (0...100_000).contains(bareMetal) else { throw ValidationError("--bare-metal must be 0…100000") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        if let loginPort {
            guard (0...65535).contains(loginPort) else { throw ValidationError("--login-port must be 0…65535") }
            guard loopbackAddresses else {
                throw ValidationError("--login-port needs --loopback-addresses: listeners are only opened on loopback addresses")
            }
        }
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate must be 0…1") }
        guard jobSeconds > 0, jobSeconds.isFinite else { throw ValidationError("--job-seconds must be more than 0") }
        guard (0...1_000_000).contains(servers) else { throw ValidationError("--servers must be 0…1000000") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must be 0 or more") }
        for pair in rename where !pair.contains("=") {
            throw ValidationError("--rename takes ID=NAME, got \(pair)")
        }
        do {
            _ = try FaultPlan(parsing: faults)
        } catch {
            throw ValidationError("--faults: \(error)")
        }
    }

    func run() async throws {
        let plan = try FaultPlan(parsing: faults)
        var configuration = SimulatorConfiguration(
            accessKey: ak, secretKey: Secret(sk), projectId: projectId, region: region,
            jobDuration: .milliseconds(Int64((jobSeconds * 1000).rounded())), failureRate: failureRate,
            randomSeed: seed, latency: .milliseconds(latencyMs), faults: plan)
        configuration.refusals = AccountRefusals(noIAMRead: noIamRead, noKPS: noKps)
        if metadata || temporaryCredentialsSeconds != nil {
            configuration.temporaryCredentialLifetime = .seconds(temporaryCredentialsSeconds ?? 3600)
        }
        configuration.grantedEnterpriseProjects = grantedEps.map { Set($0.split(separator: ",").map(String.init)) }
        configuration.bareMetalServers = bareMetal
        configuration.realisticServerDetails = !leanDetails
        configuration.logsRequests = logRequests
        configuration.loopbackAddresses = loopbackAddresses
        configuration.loginListener = loginPort.map { LoginListenerSettings(port: $0) }
        let simulator = CloudSimulator(configuration: configuration,
                                       dataSet: renamed(.generated(servers: servers, seed: seed)))
        let url = try await simulator.start(port: port)
        // Written unbuffered: whoever started us waits for this line to learn the URL.
        let metadataNote = configuration.temporaryCredentialLifetime.map {
            ", ECS metadata service with \($0.components.seconds) s temporary credentials"
        } ?? ""
        let loginNote = await simulator.loginPort.map { ", login port \($0)" } ?? ""
        let ready = "ecs-reinstall simulator listening on \(url.absoluteString) (region \(region), project \(projectId), "
            + "\(servers) servers, faults \(plan)\(metadataNote)\(loginNote))\n"
        FileHandle.standardOutput.write(Data(ready.utf8))
        // Serves until the process is ended (a signal's default action: nothing to tidy up).
        while true { try await Task.sleep(for: .seconds(3600)) }
    }

    private func renamed(_ dataSet: SimulatorDataSet) -> SimulatorDataSet {
        var dataSet = dataSet
        for pair in rename {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let id = String(pair[..<equals]), name = String(pair[pair.index(after: equals)...])
            for index in dataSet.servers.indices where dataSet.servers[index].id == id {
                dataSet.servers[index].name = name
            }
        }
        return dataSet
    }
}
