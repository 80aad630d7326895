/// The projects the caller may reach, and a client for any of them.
extension CloudClient {
    /// `GET /v3/auth/projects`: the region projects and subprojects the caller may reach (no IAM
    /// permission needed), `MOS` and other projects that are no region's left out.
    public func reachableScopes() async throws -> [ProjectScope] {
        let list: ProjectList = try await get(.iam, "/v3/auth/projects", what: "the list of projects", project: false)
        return ProjectScope.scopes(in: list)
    }

    /// The project this client works in.
    public var scope: ProjectScope {
        ProjectScope(region: endpoints.region, projectId: projectId)
    }

    /// This client in another region or project: the same credentials, signature guard (its count
    /// of refusals is the access key's, whatever the region), transport, retry policy,
    /// enterprise-project scope and endpoint settings, the endpoints worked out for the region.
    public func scoped(to scope: ProjectScope) -> CloudClient {
        var copy = self
        copy.endpoints = endpoints.inRegion(scope.region)
        copy.projectId = scope.projectId
        return copy
    }
}
