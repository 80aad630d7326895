import HuaweiCloud

/// The server list's filters beyond name and status: tags and enterprise projects
/// (huawei-ecs-api.md §3.1).
struct ServerListFilter: Sendable {
    /// `tags`: every one must be among the server's tags (comma-separated on the wire).
    var tags: [String] = []
    /// `not-tags` (with a hyphen on the wire): none may be.
    var notTags: [String] = []
    /// The enterprise projects listed; nil lists every one.
    var enterpriseProjects: Set<String>?

    func admits(_ server: Server) -> Bool {
        if !tags.allSatisfy(server.tags.contains) { return false }
        if notTags.contains(where: server.tags.contains) { return false }
        if let enterpriseProjects, !enterpriseProjects.contains(server.enterpriseProjectId ?? "0") { return false }
        return true
    }

    static func tagList(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }
}

extension SimulatorCore {
    /// The enterprise projects a listing covers, or why the user may not list: a user authorised
    /// per enterprise project must name them (`all_granted_eps` or a granted id).
    func listedEnterpriseProjects(_ requested: String?) throws(APIFailure) -> Set<String>? {
        let requested = requested.flatMap { $0.isEmpty ? nil : $0 }
        guard let granted = configuration.grantedEnterpriseProjects else {
            // Authorised for the whole project: everything, or the one asked for.
            return requested.flatMap { $0 == EnterpriseProjectScope.allGrantedValue ? nil : [$0] }
        }
        switch requested {
        case nil:
            throw Self.policyRefusal("ecs:cloudServers:list")
        case EnterpriseProjectScope.allGrantedValue?:
            return granted
        case let id?:
            guard granted.contains(id) else { throw Self.policyRefusal("ecs:cloudServers:list") }
            return [id]
        }
    }

    /// A user authorised per enterprise project cannot act on a server of another one.
    func checkEnterpriseProject(of server: Server, action: String = "ecs:cloudServers:get") throws(APIFailure) {
        guard let granted = configuration.grantedEnterpriseProjects else { return }
        if !granted.contains(server.enterpriseProjectId ?? "0") { throw Self.policyRefusal(action) }
    }

    /// The refusal of an IAM policy, in ECS's error shape. The code and wording are those the
    /// reference gives for a policy refusal (huawei-ecs-api.md §10.1: Ecs.0110, HTTP 403); that a
    /// listing without `enterprise_project_id` draws exactly this one is inferred, not observed.
    static func policyRefusal(_ action: String) -> APIFailure {
        .ecs(403, "Ecs.0110", "Policy doesn't allow \(action) to be performed.")
    }
}
