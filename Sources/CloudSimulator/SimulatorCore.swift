import Foundation
import HuaweiCloud

/// The whole fake cloud as a value: state plus the request handling of every route.
/// Not thread-safe by itself; `SimulatorEngine` (an actor) owns the one instance.
struct SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let authenticator: GatewayAuthenticator
    private(set) var servers: [Server]
    private(set) var images: [Image]
    private(set) var keypairs: [Keypair]
    private(set) var jobs: [String: ReinstallJob] = [:]
    /// Server id → id of the job that still drives it (removed once the job's end is applied).
    private var runningJobs: [String: String] = [:]
    private var random: SeededRandom

    init(configuration: SimulatorConfiguration, dataSet: SimulatorDataSet) {
        self.configuration = configuration
        authenticator = GatewayAuthenticator(accessKey: configuration.accessKey, secretKey: configuration.secretKey)
        servers = dataSet.servers
        images = dataSet.images
        keypairs = dataSet.keypairs.sorted { $0.name < $1.name }
        random = SeededRandom(seed: configuration.randomSeed)
    }

    // MARK: - State views

    func server(id: String) -> Server? { servers.first { $0.id == id } }

    func job(id: String, now: Date) -> Job? { jobs[id]?.model(at: now) }

    /// Applies the passage of time to the servers that have a reinstall job.
    mutating func settle(now: Date) {
        for (serverId, jobId) in runningJobs {
            guard let job = jobs[jobId], let index = servers.firstIndex(where: { $0.id == serverId }) else {
                runningJobs[serverId] = nil
                continue
            }
            if job.isFinished(at: now) {
                servers[index].status = job.fails ? job.priorStatus : "ACTIVE"
                servers[index].taskState = nil
                servers[index].updated = Timestamp.seconds(job.endsAt)
                if !job.fails { servers[index].keyName = job.keyName }
                runningJobs[serverId] = nil
            } else {
                servers[index].status = "REBUILD"
                servers[index].taskState = job.taskState(at: now)
            }
        }
    }

    // MARK: - Dispatch

    mutating func handle(_ request: SimulatorRequest, now: Date, requestId: String) -> SimulatorResponse {
        settle(now: now)
        do {
            try authenticator.authenticate(request, now: now)
            let (status, body) = try route(request, now: now)
            return SimulatorResponse(status: status, body: body, requestId: requestId)
        } catch {
            return SimulatorResponse(status: error.status, body: error.body.encoded(requestId: requestId), requestId: requestId)
        }
    }

    private mutating func route(_ request: SimulatorRequest, now: Date) throws(APIFailure) -> (Int, Data) {
        let s = request.segments
        let method = request.method
        switch (method, s.count) {
        case ("GET", 2) where s == ["v3", "projects"]:
            return try ok(listProjects(request))
        case ("GET", 4) where s[0] == "v3.0" && s[1] == "OS-CREDENTIAL" && s[2] == "credentials":
            return try ok(showCredential(accessKey: s[3]))
        case ("GET", 2) where s == ["v2", "cloudimages"]:
            return try ok(listImages(request))
        case ("GET", 3) where s[0] == "v3" && s[2] == "keypairs":
            try checkProject(s[1])
            return try ok(listKeypairs(request))
        case ("GET", 4) where s[0] == "v1" && s[2] == "cloudservers" && s[3] == "detail":
            try checkProject(s[1])
            return try ok(listServers(request))
        case ("GET", 4) where s[0] == "v1" && s[2] == "cloudservers":
            try checkProject(s[1])
            guard let server = server(id: s[3]) else { throw Self.serverNotFound(s[3]) }
            return try ok(ServerEnvelopeWire(server: ServerDetailWire(server: server)))
        case ("GET", 4) where s[0] == "v1" && s[2] == "jobs":
            try checkProject(s[1])
            guard let job = job(id: s[3], now: now) else {
                throw .ecs(400, "Common.0011", "Invalid job ID: the job \(s[3]) does not exist")
            }
            return try ok(JobWire(job: job))
        case ("POST", 5) where (s[0] == "v1" || s[0] == "v2") && s[2] == "cloudservers" && s[4] == "reinstallos":
            try checkProject(s[1])
            let api: ReinstallAPI = s[0] == "v1" ? .v1 : .v2
            return try ok(reinstall(api: api, serverId: s[3], body: request.body, now: now))
        default:
            throw APIFailure.apiNotFound
        }
    }

    private func ok(_ value: some Encodable) throws(APIFailure) -> (Int, Data) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return (200, try encoder.encode(value))
        } catch {
            throw .ecs(500, "Common.0001", "System exception: the response could not be encoded")
        }
    }

    private func checkProject(_ projectId: String) throws(APIFailure) {
        guard projectId == configuration.projectId else {
            throw .ecs(400, "Ecs.0023", "The project_id in the URL (\(projectId)) differs from the project of the request")
        }
    }

    static func serverNotFound(_ id: String) -> APIFailure {
        .ecs(404, "Ecs.0114", "The ECS \(id) does not exist")
    }

    // MARK: - IAM

    private func listProjects(_ request: SimulatorRequest) -> ProjectList {
        let name = request.query("name")
        guard name == nil || name == configuration.region else { return ProjectList(projects: []) }
        return ProjectList(projects: [.init(id: configuration.projectId, name: configuration.region)])
    }

    private func showCredential(accessKey: String) throws(APIFailure) -> CredentialInfo {
        guard accessKey == configuration.accessKey else {
            throw .service(404, "IAM.0004", "Could not find credential: \(accessKey)")
        }
        return CredentialInfo(credential: .init(userId: configuration.userId, access: accessKey, status: "active"))
    }

    // MARK: - IMS

    private func listImages(_ request: SimulatorRequest) -> ImageList {
        var found = images
        if let id = request.query("id") { found = found.filter { $0.id == id } }
        if let name = request.query("name") { found = found.filter { $0.name == name } }
        if let type = request.query("__imagetype") { found = found.filter { $0.imageType == type } }
        return ImageList(images: found)
    }

    // MARK: - KPS

    private func listKeypairs(_ request: SimulatorRequest) throws(APIFailure) -> KeypairPage {
        let limit = try Self.integer(request.query("limit"), default: 50, range: 1...1000, name: "limit") {
            .service(400, "KPS.0002", $0)
        }
        let remaining = keypairs.filter { kp in request.query("marker").map { kp.name > $0 } ?? true }
        let page = Array(remaining.prefix(limit))
        let next = remaining.count > page.count ? page.last?.name : nil
        return KeypairPage(keypairs: page, nextMarker: next)
    }

    // MARK: - ECS servers

    private func listServers(_ request: SimulatorRequest) throws(APIFailure) -> ServerPageWire {
        let invalid: (String) -> APIFailure = { .ecs(400, "Ecs.0005", $0) }
        var page = try Self.integer(request.query("offset"), default: 1, range: 0...Int.max, name: "offset", invalid)
        page = max(page, 1)
        let limit = try Self.integer(request.query("limit"), default: 25, range: 1...1000, name: "limit", invalid)
        var matching = servers
        if let name = request.query("name"), !name.isEmpty {
            matching = matching.filter { $0.name.localizedCaseInsensitiveContains(name) }
        }
        if let status = request.query("status"), !status.isEmpty {
            let group = Self.statusGroups[status.uppercased()] ?? [status.uppercased()]
            matching = matching.filter { group.contains($0.status) }
        }
        let start = (page - 1).multipliedReportingOverflow(by: limit)
        let slice = start.overflow || start.partialValue >= matching.count
            ? [] : Array(matching[start.partialValue..<min(start.partialValue + limit, matching.count)])
        return ServerPageWire(count: matching.count, servers: slice.map(ServerDetailWire.init))
    }

    /// The `status` filter matches by group (huawei-ecs-api.md §3.1).
    static let statusGroups: [String: Set<String>] = [
        "ACTIVE": ["ACTIVE", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE"],
        "SHUTOFF": ["SHUTOFF", "RESIZE", "REBUILD"],
        "ERROR": ["ERROR", "REBUILD"],
        "VERIFY_RESIZE": ["VERIFY_RESIZE", "REVERT_RESIZE"],
    ]

    static func integer(
        _ text: String?, default value: Int, range: ClosedRange<Int>, name: String,
        _ failure: (String) -> APIFailure
    ) throws(APIFailure) -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw failure("Invalid parameter \(name)=\(text): it must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    // MARK: - Reinstall

    private mutating func reinstall(
        api: ReinstallAPI, serverId: String, body: Data, now: Date
    ) throws(APIFailure) -> JobReference {
        guard let index = servers.firstIndex(where: { $0.id == serverId }) else { throw Self.serverNotFound(serverId) }
        let server = servers[index]
        let request = try ReinstallValidator(
            api: api, server: server, keypairs: keypairs
        ).validate(body: body)
        guard !server.locked else {
            throw .ecs(400, "Ecs.0605", "The ECS is locked: unlock it before reinstalling the OS")
        }
        guard server.hasSystemDisk else {
            throw .ecs(400, "Ecs.0105", "No system disk found: the ECS has no volume with bootIndex 0")
        }
        if let jobId = runningJobs[serverId], let job = jobs[jobId], !job.isFinished(at: now) {
            throw .ecs(501, "Ecs.0603", "Other commands are being executed on the ECS (job \(jobId)); retry when it ends")
        }
        switch server.status {
        case "SHUTOFF", "ERROR":
            break
        case "ACTIVE" where request.withStopServer:
            break
        case "ACTIVE":
            throw .ecs(400, "Ecs.0100", "The ECS status ACTIVE does not meet the requirements: stop the ECS first or set mode to withStopServer")
        default:
            throw .ecs(400, "Ecs.0100", "The ECS status \(server.status) does not meet the requirements for reinstalling the OS")
        }

        let job = ReinstallJob(
            id: random.hexId(), subJobId: random.hexId(), serverId: serverId, submittedAt: now,
            duration: configuration.jobDuration.timeInterval,
            fails: random.unit() < configuration.failureRate,
            priorStatus: server.status, keyName: request.keyName)
        jobs[job.id] = job
        runningJobs[serverId] = job.id
        servers[index].status = "REBUILD"
        servers[index].taskState = job.taskState(at: now)
        servers[index].updated = Timestamp.seconds(now)
        return JobReference(jobId: job.id)
    }
}
