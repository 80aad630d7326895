import Foundation

/// Reads that are not about servers: identity (IAM), images (IMS), key pairs (KPS), jobs.
extension CloudClient {
    /// The region's project: `GET /v3/projects?name={region}` on IAM, which must list exactly one.
    func lookUpProjectId() async throws -> String {
        let list: ProjectList = try await get(
            .iam, "/v3/projects", query: [("name", endpoints.region)], what: "the project lookup", project: false)
        guard list.projects.count == 1, let project = list.projects.first else {
            let found = list.projects.isEmpty ? "no project" : "\(list.projects.count) projects"
            throw CloudError.configuration(
                "IAM lists \(found) named \(endpoints.region); expected exactly one. Check the region, or name the "
                    + "project: HUAWEICLOUD_SDK_PROJECT_ID, or project_id in the [basic] section of the credentials file.")
        }
        return project.id
    }

    /// The server's image from IMS, or nil when IMS no longer knows it. Only an exact id match
    /// counts: another image's attributes would decide the reinstall endpoint wrongly.
    public func image(id: String) async throws -> Image? {
        let list: ImageList = try await get(.ims, "/v2/cloudimages", query: [("id", id)], what: "the image")
        return list.images.first { $0.id == id }
    }

    /// Every KPS key pair, following `next_marker` page by page.
    public func keypairs(pageSize: Int = 50) async throws -> [Keypair] {
        var all: [Keypair] = []
        var marker: String?
        for _ in 0..<1000 {
            var query = [("limit", String(pageSize))]
            if let marker { query.append(("marker", marker)) }
            let page: KeypairPage = try await get(.kps, "/v3/\(projectId)/keypairs", query: query, what: "the key pairs")
            all += page.keypairs.map(\.keypair)
            guard let next = page.pageInfo?.nextMarker, !next.isEmpty, next != marker, !page.keypairs.isEmpty
            else { break }
            marker = next
        }
        return all
    }

    /// The IAM user id that owns the access key (`userid` of a key-pair reinstall).
    public func userId() async throws -> String {
        let credentials = try await credentialProvider.credentials()
        do {
            let info: CredentialInfo = try await get(
                .iam, "/v3.0/OS-CREDENTIAL/credentials/\(PercentEncoding.encode(credentials.accessKey))",
                what: "the user id", project: false)
            return info.credential.userId
        } catch let error as CloudError where credentials.securityToken != nil && (error.isNotFound || error.code == "IAM.0004") {
            // IAM shows permanent access keys only; temporary ones (an agency's) have no user to show.
            throw CloudError.configuration(
                "IAM does not tell the user of temporary credentials (\(credentialProvider.source)), which a key-pair "
                    + "reinstall sends as userid. Pass --user-id (IAM user id, shown under My Credentials in the console). "
                    + "(\(error.summary))")
        }
    }

    public func job(id: String) async throws -> Job {
        try await get(.ecs, "/v1/\(projectId)/jobs/\(PercentEncoding.encode(id))", what: "the job")
    }
}
