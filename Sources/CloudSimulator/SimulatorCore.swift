import Foundation
import HuaweiCloud

/// The whole fake cloud as a value: state plus the request handling of every route.
/// Not thread-safe by itself; `SimulatorEngine` (an actor) owns the one instance.
/// The routes live in extensions: `ReadRoutes.swift`, `ReinstallRoute.swift`, `StopRoute.swift`.
struct SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let authenticator: GatewayAuthenticator
    var accessKeyLock: AccessKeyLock
    var faults: FaultInjector
    var store: ServerStore
    private(set) var images: [Image]
    private(set) var keypairs: [Keypair]
    var jobs: [String: SimulatedJob] = [:]
    /// Server id → id of the job that still drives it (removed once the job's end is applied).
    var runningJobs: [String: String] = [:]
    /// Job id → the login its reinstall was sent with.
    var logins: [String: ReinstallLogin] = [:]
    var random: SeededRandom
    /// The metadata service's sessions and temporary credentials; nil when it is off.
    var temporaryCredentials: TemporaryCredentialStore?
    /// The project whose servers, images, key pairs and jobs the fields above hold now: each
    /// request is answered in its own project (`activate`), the others wait in `parked`.
    private(set) var activeProjectId: String
    private var parked: [String: ProjectData] = [:]
    /// Every project of the account, the configuration's first: what IAM lists.
    let projects: [ProjectList.Project]

    /// One project's state while another is active.
    private struct ProjectData: Sendable {
        var store: ServerStore
        var images: [Image]
        var keypairs: [Keypair]
        var jobs: [String: SimulatedJob]
        var runningJobs: [String: String]
        var logins: [String: ReinstallLogin]
    }

    /// Rebuilds begun and ended since the engine last looked, for the login listeners (kept only
    /// when they are on).
    var loginEvents: [LoginEvent] = []

    enum LoginEvent: Sendable, Equatable {
        /// ACTIVE after a rebuild, at this address.
        case up(serverId: String, address: String)
        /// Rebuilding.
        case down(serverId: String)
    }

    init(configuration: SimulatorConfiguration, dataSet: SimulatorDataSet) {
        self.configuration = configuration
        authenticator = GatewayAuthenticator(accessKey: configuration.accessKey, secretKey: configuration.secretKey)
        accessKeyLock = AccessKeyLock(
            threshold: configuration.accessKeyLockThreshold,
            duration: configuration.accessKeyLockDuration.timeInterval)
        faults = FaultInjector(plan: configuration.faults, seed: configuration.randomSeed)
        let servers = dataSet.servers + BareMetalData.servers(count: configuration.bareMetalServers)
        store = ServerStore(configuration.loopbackAddresses ? LoopbackAddresses.assign(servers) : servers,
                            realisticDetails: configuration.realisticServerDetails)
        images = dataSet.images
        keypairs = dataSet.keypairs.sorted { $0.name < $1.name }
        random = SeededRandom(seed: configuration.randomSeed)
        temporaryCredentials = configuration.temporaryCredentialLifetime.map {
            TemporaryCredentialStore(lifetime: $0.timeInterval, seed: configuration.randomSeed)
        }
        activeProjectId = configuration.projectId
        // A project named like the configuration's region would be a second project of that name.
        let others = dataSet.otherProjects.filter {
            $0.name != configuration.region && $0.id != configuration.projectId
        }
        projects = [ProjectList.Project(id: configuration.projectId, name: configuration.region, enabled: true)]
            + others.map { ProjectList.Project(id: $0.id, name: $0.name, enabled: true) }
        var numbered = servers.count
        for project in others {
            let projectServers = configuration.loopbackAddresses
                ? LoopbackAddresses.assign(project.servers, first: numbered) : project.servers
            numbered += project.servers.count
            parked[project.id] = ProjectData(
                store: ServerStore(projectServers, realisticDetails: configuration.realisticServerDetails),
                images: project.images, keypairs: project.keypairs.sorted { $0.name < $1.name }, jobs: [:],
                runningJobs: [:], logins: [:])
        }
    }

    /// Makes `projectId`'s state the one the routes see (an unknown id leaves it as it is). The
    /// state is moved, not copied, so switching costs nothing whatever the number of servers.
    mutating func activate(_ projectId: String) {
        guard projectId != activeProjectId, let incoming = parked.removeValue(forKey: projectId) else { return }
        parked[activeProjectId] = ProjectData(store: store, images: images, keypairs: keypairs, jobs: jobs,
                                              runningJobs: runningJobs, logins: logins)
        store = incoming.store
        images = incoming.images
        keypairs = incoming.keypairs
        jobs = incoming.jobs
        runningJobs = incoming.runningJobs
        logins = incoming.logins
        activeProjectId = projectId
    }

    /// The project a request is for: the one in its path (`/v1/{project_id}/…`), else its signed
    /// `X-Project-Id` (IMS has none in the path); the account's first for IAM and unknown ids,
    /// which `checkProject` then refuses.
    func project(of request: SimulatorRequest) -> String {
        let known = { (id: String) in self.projects.contains { $0.id == id } }
        let segments = request.segments
        if segments.count >= 2, ["v1", "v2", "v2.1", "v3"].contains(segments[0]), known(segments[1]) {
            return segments[1]
        }
        if let header = request.headers["x-project-id"], known(header) { return header }
        return configuration.projectId
    }

    // MARK: - State views

    var servers: [Server] { store.all }

    func server(id: String) -> Server? { store[id] }

    /// The job as it stands at `now`, without counting as a read (for tests), in whichever project.
    func job(id: String, now: Date) -> Job? {
        (jobs[id] ?? parked.values.lazy.compactMap { $0.jobs[id] }.first)?.wire(at: now)
    }

    /// The login job `jobId` was sent with, in whichever project.
    func login(jobId: String) -> ReinstallLogin? {
        logins[jobId] ?? parked.values.lazy.compactMap { $0.logins[jobId] }.first
    }

    /// Applies the passage of time to the servers that have a job.
    mutating func settle(now: Date) {
        for (serverId, jobId) in runningJobs {
            guard let job = jobs[jobId], let target = job.targets.first(where: { $0.serverId == serverId }) else {
                runningJobs[serverId] = nil
                continue
            }
            if job.isFinished(at: now) {
                store.update(serverId) { server in
                    server.status = job.finalStatus(of: target)
                    server.taskState = nil
                    server.updated = Timestamp.seconds(job.endsAt)
                    if case .reinstall(let keyName) = job.kind, !job.fails { server.keyName = keyName }
                }
                if configuration.loginListener != nil, case .reinstall = job.kind, !job.fails,
                   let address = store[serverId]?.privateIP {
                    loginEvents.append(.up(serverId: serverId, address: address))
                }
                runningJobs[serverId] = nil
            } else if let current = store[serverId] {
                let (status, taskState) = job.runningState(of: target, at: now)
                // Only a change invalidates the server's cached JSON.
                if current.status != status || current.taskState != taskState {
                    store.update(serverId) {
                        $0.status = status
                        $0.taskState = taskState
                    }
                }
            }
        }
    }

    // MARK: - Dispatch

    /// Authenticates, injects faults (unless `injectFaults` is false: a hung request coming
    /// back), then routes.
    mutating func handle(
        _ request: SimulatorRequest, now: Date, requestId: String, injectFaults: Bool = true
    ) -> SimulatorOutcome {
        activate(project(of: request))
        settle(now: now)
        // Unauthenticated, like the real one; never subject to faults, which are the gateway's.
        if let reply = metadataReply(request, now: now, requestId: requestId) { return .reply(reply) }
        do {
            try admit(request, now: now)
        } catch {
            return .reply(Self.reply(error, requestId: requestId))
        }
        if injectFaults, request.method == "GET", request.rawPath.hasSuffix("/cloudservers/detail"),
           faults.failsServerListPage(request.query("offset").flatMap { Int($0) }) {
            return .reply(Self.reply(faults.nextServerError(), requestId: requestId))
        }
        let fault = injectFaults ? faults.nextRequestFault(method: request.method) : nil
        switch fault {
        case .serverError:
            return .reply(Self.reply(faults.nextServerError(), requestId: requestId))
        case .throttle:
            var response = Self.reply(
                .gateway(429, "APIGW.0308",
                         "The throttling threshold has been reached: policy user over ratelimit, limit:20, time:1 second"),
                requestId: requestId)
            response.headers["Retry-After"] = String(faults.plan.retryAfterSeconds)
            return .reply(response)
        case .flowControl:
            return .reply(Self.reply(.ecs(202, "Common.0024", "exceeds flow over limit"), requestId: requestId))
        case .hang:
            return .hang(faults.plan.hangDuration)
        case .reset:
            return .reset
        case .drop, .truncate, .malformed, .lostJob, nil:
            break
        }
        var response: SimulatorResponse
        do {
            let (status, body) = try route(request, now: now)
            response = SimulatorResponse(status: status, body: body, requestId: requestId)
        } catch {
            response = Self.reply(error, requestId: requestId)
        }
        if fault == .drop { return .drop }
        if fault == .truncate {
            response.body = Data(response.body.prefix(response.body.count / 2))
        } else if fault == .malformed {
            response.body = Self.corrupted(response.body)
        }
        return .reply(response)
    }

    /// The gateway: the AK lock, then the signature.
    private mutating func admit(_ request: SimulatorRequest, now: Date) throws(APIFailure) {
        let accessKey = request.headers["authorization"].flatMap(AuthorizationHeader.init)?.accessKey
        if let accessKey, accessKeyLock.isLocked(accessKey, now: now) {
            throw .gateway(401, "APIGW.0301", AccessKeyLock.lockedMessage)
        }
        do {
            try authenticator.authenticate(request, now: now, temporary: temporaryCredentials?.keys ?? [:])
        } catch {
            if let accessKey { accessKeyLock.recordFailure(accessKey, now: now) }
            throw error
        }
        if let accessKey { accessKeyLock.recordSuccess(accessKey) }
    }

    private mutating func route(_ request: SimulatorRequest, now: Date) throws(APIFailure) -> (Int, Data) {
        let s = request.segments
        let method = request.method
        switch (method, s.count) {
        case ("GET", 2) where s == ["v3", "projects"]:
            return try ok(listProjects(request))
        case ("GET", 3) where s == ["v3", "auth", "projects"]:
            return try ok(listAuthProjects())
        case ("GET", 4) where s[0] == "v3.0" && s[1] == "OS-CREDENTIAL" && s[2] == "credentials":
            return try ok(showCredential(accessKey: s[3]))
        case ("GET", 2) where s == ["v2", "cloudimages"]:
            return try ok(listImages(request))
        case ("GET", 3) where s[0] == "v2" && s[1] == "images":
            return try ok(showGlanceImage(id: s[2]))
        case ("GET", 3) where s[0] == "v3" && s[2] == "keypairs":
            try checkProject(s[1])
            return try ok(listKeypairs(request))
        case ("GET", 3) where s[0] == "v2.1" && s[2] == "os-keypairs":
            try checkProject(s[1])
            return try ok(listNovaKeypairs())
        case ("GET", 4) where s[0] == "v1" && s[2] == "cloudservers" && s[3] == "detail":
            try checkProject(s[1])
            return (200, try listServers(request))
        case ("GET", 4) where s[0] == "v1" && s[2] == "cloudservers":
            try checkProject(s[1])
            return (200, try showServer(id: s[3]))
        case ("GET", 4) where s[0] == "v1" && s[2] == "jobs":
            try checkProject(s[1])
            return try ok(showJob(id: s[3], now: now))
        case ("POST", 4) where s[0] == "v1" && s[2] == "cloudservers" && s[3] == "action":
            try checkProject(s[1])
            return try ok(batchAction(body: request.body, now: now))
        case ("POST", 5) where (s[0] == "v1" || s[0] == "v2") && s[2] == "cloudservers" && s[4] == "reinstallos":
            try checkProject(s[1])
            let api: ReinstallAPI = s[0] == "v1" ? .v1 : .v2
            return try ok(reinstall(api: api, serverId: s[3], body: request.body, now: now))
        default:
            throw APIFailure.apiNotFound
        }
    }

    // MARK: - Helpers

    func ok(_ value: some Encodable) throws(APIFailure) -> (Int, Data) {
        (200, try Self.encode(value))
    }

    static func encode(_ value: some Encodable) throws(APIFailure) -> Data {
        do {
            return try WireJSON.encoder.encode(value)
        } catch {
            throw .ecs(500, "Common.0001", "System exception: the response could not be encoded")
        }
    }

    func checkProject(_ projectId: String) throws(APIFailure) {
        guard projectId == activeProjectId else {
            throw .ecs(400, "Ecs.0023", "The project_id in the URL (\(projectId)) differs from the project of the request")
        }
    }

    static func serverNotFound(_ id: String) -> APIFailure {
        .ecs(404, "Ecs.0114", "The ECS \(id) does not exist")
    }

    static func reply(_ failure: APIFailure, requestId: String) -> SimulatorResponse {
        SimulatorResponse(status: failure.status, body: failure.body.encoded(requestId: requestId), requestId: requestId)
    }

    /// Same length, no longer JSON: the first `:` becomes `=`.
    static func corrupted(_ body: Data) -> Data {
        var bytes = [UInt8](body)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return Data("{".utf8) }
        bytes[colon] = UInt8(ascii: "=")
        return Data(bytes)
    }

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
}
