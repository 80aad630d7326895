/// Where the operator works: a region's project, or one of its subprojects (`cn-north-4_sub`).
/// Every listing, reinstall and job read happens in exactly one.
public struct ProjectScope: Codable, Sendable, Hashable {
    public var region: String
    public var projectId: String
    /// The project's name: the region's own for its default project, `{region}_{name}` for a subproject.
    public var projectName: String

    public init(region: String, projectId: String, projectName: String? = nil) {
        self.region = region
        self.projectId = projectId
        self.projectName = projectName ?? region
    }

    /// The region's default project (named after the region), not a subproject.
    public var isRegionDefault: Bool { projectName == region }

    /// The region a project is named after: `cn-north-4` for `cn-north-4` and `cn-north-4_sub`;
    /// nil for `MOS` and any other project that is not a region's.
    public static func region(ofProjectNamed name: String) -> String? {
        let region = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        if name.count > region.count, name.count == region.count + 1 { return nil }  // "cn-north-4_" names nothing
        return RegionTable.lists(region) || looksLikeRegion(region) ? region : nil
    }

    /// `xx-word-N`: the shape of every region id (`cn-north-4`, `ap-southeast-1`, `eu-west-101`),
    /// so a region newer than the table is still recognised.
    static func looksLikeRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let lower = { (part: Substring) in !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
        return parts[0].count == 2 && lower(parts[0]) && lower(parts[1])
            && !parts[2].isEmpty && parts[2].unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The scopes among the projects `GET /v3/auth/projects` lists: region projects and their
    /// subprojects that are enabled, by region, each region's default project first.
    public static func scopes(in list: ProjectList) -> [ProjectScope] {
        let scopes = list.projects.compactMap { project -> ProjectScope? in
            guard project.enabled != false, let region = region(ofProjectNamed: project.name) else { return nil }
            return ProjectScope(region: region, projectId: project.id, projectName: project.name)
        }
        return scopes.sorted {
            ($0.region, $0.isRegionDefault ? 0 : 1, $0.projectName) < ($1.region, $1.isRegionDefault ? 0 : 1, $1.projectName)
        }
    }
}
