import Foundation

/// Identity lookups in IAM: the region's project and the access key's user.
extension CloudClient {
    /// The region's project. `GET /v3/projects?name={region}` first, as the SDK does; it needs the
    /// IAM permission `iam:projects:list`, which an operator with ECS policies only lacks, so on a
    /// 403 `GET /v3/auth/projects` (the projects the caller may reach; no IAM permission needed)
    /// is asked instead and its entry named after the region taken. Exactly one must match. An
    /// authentication or network failure is passed through unchanged: a project id would not help.
    func lookUpProjectId() async throws -> String {
        let region = endpoints.region
        do {
            let list: ProjectList = try await get(
                .iam, "/v3/projects", query: [("name", region)], what: "the project lookup", project: false)
            return try Self.single(list.projects, region: region, from: "IAM (GET /v3/projects?name=\(region))",
                                   after: nil)
        } catch let error as CloudError where error.isPermissionRefusal {
            let refused = "IAM refused to list projects (\(error.code ?? "HTTP 403"): the permission "
                + "iam:projects:list is missing)"
            let list: ProjectList
            do {
                list = try await get(.iam, "/v3/auth/projects", what: "the project lookup", project: false)
            } catch let second as CloudError where second.isPermissionRefusal || second.isNotFound {
                // Only a refusal is about permissions; authentication and network failures go as they are.
                throw CloudError.configuration(
                    "\(refused), and the projects this user may reach (GET /v3/auth/projects) could not be read "
                        + "either: \(second.summary) " + Self.projectIdAdvice(region))
            }
            return try Self.single(list.projects.filter { $0.name == region }, region: region,
                                   from: "GET /v3/auth/projects", after: refused, all: list.projects)
        }
    }

    /// The one project of `found`, or a refusal that says what was seen and names the way out.
    private static func single(
        _ found: [ProjectList.Project], region: String, from source: String, after earlier: String?,
        all: [ProjectList.Project] = []
    ) throws(CloudError) -> String {
        if found.count == 1, let project = found.first { return project.id }
        let seen: String
        if found.isEmpty {
            let others = all.map(\.name).sorted().prefix(10).joined(separator: ", ")
            seen = "\(source) lists no project named \(region)" + (others.isEmpty ? "" : " (it lists: \(others))")
        } else {
            seen = "\(source) lists \(found.count) projects named \(region) (\(found.map(\.id).joined(separator: ", ")))"
        }
        let lead = earlier.map { "\($0); " } ?? ""
        throw .configuration(lead + seen + "; expected exactly one. Check the region. " + projectIdAdvice(region))
    }

    static func projectIdAdvice(_ region: String) -> String {
        "Name the project instead: set HUAWEICLOUD_SDK_PROJECT_ID to the id of project \(region) (console: My "
            + "Credentials → API Credentials), or project_id in the [basic] section of the credentials file."
    }

    /// The IAM user id that owns the access key (`userid` of a key-pair reinstall).
    public func userId() async throws -> String {
        let credentials = try await credentialProvider.credentials()
        let info: CredentialInfo = try await get(
            .iam, "/v3.0/OS-CREDENTIAL/credentials/\(PercentEncoding.encode(credentials.accessKey))",
            what: "the user id", project: false)
        return info.credential.userId
    }

    /// The user id when the lookup works, nil when IAM will not say: a refusal (403, or 404 as
    /// for temporary credentials, whose access key IAM does not list) is an answer, not an error,
    /// since `userid` is optional. Other failures (network, authentication) are thrown.
    public func userIdIfKnown() async throws -> String? {
        do {
            return try await userId()
        } catch let error as CloudError where error.isPermissionRefusal || error.isNotFound {
            logger.debug("user id lookup refused (\(error.code ?? "")): userid will not be sent")
            return nil
        }
    }
}
