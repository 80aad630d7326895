import Foundation
import HuaweiCloud

/// The read-only routes: IAM, IMS, KPS, the server list and show, and jobs.
extension SimulatorCore {
    // MARK: - IAM

    func listProjects(_ request: SimulatorRequest) throws(APIFailure) -> ProjectList {
        if configuration.refusals.noIAMRead { throw .iamForbidden("iam:projects:list") }
        let name = request.query("name")
        return ProjectList(projects: projects.filter { name == nil || $0.name == name })
    }

    /// `GET /v3/auth/projects`: the projects the caller may reach, in every region; needs no IAM
    /// permission. A real account also lists `MOS` (its operations project) beside the regions.
    func listAuthProjects() -> ProjectList {
        ProjectList(projects: projects + [.init(id: "9f8e7d6c5b4a43210fedcba987654321", name: "MOS", enabled: true)])
    }

    func showCredential(accessKey: String) throws(APIFailure) -> CredentialInfo {
        if configuration.refusals.noIAMRead { throw .iamForbidden("iam:credentials:getCredential") }
        // IAM answers this for permanent keys only. For a temporary one the code and status are
        // inferred (not verified): IAM's "not found" for credentials.
        if temporaryCredentials?.keys[accessKey] != nil {
            throw .service(404, "IAM.0004", "Could not find permanent credential: \(accessKey) is a temporary access key")
        }
        guard accessKey == configuration.accessKey else {
            throw .service(404, "IAM.0004", "Could not find credential: \(accessKey)")
        }
        return CredentialInfo(credential: .init(userId: configuration.userId, access: accessKey, status: "active"))
    }

    // MARK: - IMS

    func listImages(_ request: SimulatorRequest) -> ImageListWire {
        var found = images
        if let id = request.query("id") { found = found.filter { $0.id == id } }
        if let name = request.query("name") { found = found.filter { $0.name == name } }
        if let type = request.query("__imagetype") { found = found.filter { $0.imageType == type } }
        if let os = request.query("__os_type") { found = found.filter { $0.osType == os } }
        if let platform = request.query("__platform") { found = found.filter { $0.platform == platform } }
        return ImageListWire(images: found.map { ImageWire(image: $0, owner: activeProjectId) })
    }

    /// `GET /v2/images/{id}`: the Glance-compatible flat object.
    func showGlanceImage(id: String) throws(APIFailure) -> ImageWire {
        guard let image = images.first(where: { $0.id == id }) else {
            throw .service(404, "IMG.0001", "The image \(id) does not exist")
        }
        return ImageWire(image: image, owner: activeProjectId)
    }

    // MARK: - KPS

    func listKeypairs(_ request: SimulatorRequest) throws(APIFailure) -> KeypairPage {
        if configuration.refusals.noKPS { throw APIFailure.apiNotFound }
        let limit = try Self.integer(request.query("limit"), default: 50, range: 1...1000, name: "limit") {
            .service(400, "KPS.0002", $0)
        }
        let marker = request.query("marker").flatMap { $0.isEmpty ? nil : $0 }
        let remaining = keypairs.filter { kp in marker.map { kp.name > $0 } ?? true }
        let page = Array(remaining.prefix(limit))
        let next = remaining.count > page.count ? page.last?.name : nil
        return KeypairPage(keypairs: page, nextMarker: next)
    }

    /// ECS's Nova-compatible `GET /v2.1/{project_id}/os-keypairs`: one unpaged list, each entry
    /// `{"keypair":{"fingerprint","name","type","public_key"}}` (no KPS scope).
    func listNovaKeypairs() -> NovaKeypairList {
        NovaKeypairList(keypairs: keypairs.map { pair in
            .init(keypair: .init(name: pair.name, type: pair.type ?? "ssh", publicKey: pair.publicKey ?? "",
                                 fingerprint: pair.fingerprint ?? ""))
        })
    }

    // MARK: - ECS servers

    /// `{"count": N, "servers": [...]}`, assembled from each server's cached JSON.
    mutating func listServers(_ request: SimulatorRequest) throws(APIFailure) -> Data {
        let invalid: (String) -> APIFailure = { .ecs(400, "Ecs.0005", $0) }
        var page = try Self.integer(request.query("offset"), default: 1, range: 0...Int.max, name: "offset", invalid)
        page = max(page, 1)
        let limit = try Self.integer(request.query("limit"), default: 25, range: 1...1000, name: "limit", invalid)
        let statuses = request.query("status").flatMap { status -> Set<String>? in
            status.isEmpty ? nil : Self.statusGroups[status.uppercased()] ?? [status.uppercased()]
        }
        let filter = ServerListFilter(
            tags: ServerListFilter.tagList(request.query("tags")),
            notTags: ServerListFilter.tagList(request.query("not-tags")),
            enterpriseProjects: try listedEnterpriseProjects(request.query("enterprise_project_id")))
        let matching = store.matching(name: request.query("name"), statuses: statuses, filter: filter)
        let start = (page - 1).multipliedReportingOverflow(by: limit)
        let range = start.overflow || start.partialValue >= matching.count
            ? 0..<0 : start.partialValue..<min(start.partialValue + limit, matching.count)

        var body = Data("{\"count\":\(matching.count),\"servers\":[".utf8)
        for position in range {
            if position != range.lowerBound { body.append(UInt8(ascii: ",")) }
            body.append(try detailJSON(at: matching[position]))
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }

    /// `{"server": {...}}`.
    mutating func showServer(id: String) throws(APIFailure) -> Data {
        guard let index = store.position(of: id) else { throw Self.serverNotFound(id) }
        try checkEnterpriseProject(of: store.all[index])
        var body = Data("{\"server\":".utf8)
        body.append(try detailJSON(at: index))
        body.append(UInt8(ascii: "}"))
        return body
    }

    private mutating func detailJSON(at index: Int) throws(APIFailure) -> Data {
        do {
            return try store.detailJSON(at: index)
        } catch {
            throw .ecs(500, "Common.0001", "System exception: the server could not be encoded")
        }
    }

    /// The `status` filter matches by group (huawei-ecs-api.md §3.1).
    static let statusGroups: [String: Set<String>] = [
        "ACTIVE": ["ACTIVE", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE"],
        "SHUTOFF": ["SHUTOFF", "RESIZE", "REBUILD"],
        "ERROR": ["ERROR", "REBUILD"],
        "VERIFY_RESIZE": ["VERIFY_RESIZE", "REVERT_RESIZE"],
    ]

    // MARK: - Jobs

    /// A lost job (`Fault.lostJob`) answers once, then 404.
    mutating func showJob(id: String, now: Date) throws(APIFailure) -> Job {
        guard let job = jobs[id] else {
            throw .ecs(400, "Common.0011", "Invalid job ID: the job \(id) does not exist")
        }
        if job.lost && job.shownOnce {
            throw .ecs(404, "Common.0011", "The job \(id) could not be found (injected fault: lost job)")
        }
        jobs[id]?.shownOnce = true
        return job.wire(at: now)
    }
}
