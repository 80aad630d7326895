/// What the tool knows of one region without asking it: its domain, whether IAM has a host of its
/// own there, and whether KPS (key pairs) is served. Read from the official SDKs' region tables
/// (`EcsRegion`, `IamRegion`, `KpsRegion`) and the Terraform provider; a region not listed is
/// assumed to follow the common pattern, so a new region works before this table knows it.
public struct RegionInfo: Sendable, Equatable {
    public var id: String
    /// `myhuaweicloud.com`, or `myhuaweicloud.eu` for the European site.
    public var domain: String
    /// IAM has `iam.{region}.{domain}`; otherwise the SDK sends IAM calls to the global host.
    public var hasRegionalIAM: Bool
    /// KPS (`kms.{region}.{domain}/v3/{project}/keypairs`) is served; otherwise key pairs are read
    /// from ECS's Nova-compatible `os-keypairs`.
    public var hasKPS: Bool

    public init(id: String, domain: String = RegionTable.defaultDomain, hasRegionalIAM: Bool = true, hasKPS: Bool = true) {
        self.id = id
        self.domain = domain
        self.hasRegionalIAM = hasRegionalIAM
        self.hasKPS = hasKPS
    }
}

public enum RegionTable {
    public static let defaultDomain = "myhuaweicloud.com"
    public static let europeanDomain = "myhuaweicloud.eu"
    /// Where the SDK sends IAM calls in a region without a regional IAM host.
    public static let globalIAM = "https://iam.myhuaweicloud.com"

    /// The region as the table knows it, or the common pattern for one it does not.
    public static func info(for region: String) -> RegionInfo {
        known[region] ?? RegionInfo(id: region)
    }

    /// Whether the table lists the region (an unlisted one still works, by the pattern).
    public static func lists(_ region: String) -> Bool { known[region] != nil }

    /// The regions of the SDK's ECS table. The European site (Dublin) lives on its own domain: the
    /// Terraform provider derives every host there from `myhuaweicloud.eu`, and the SDK's IAM and
    /// KMS tables agree (its ECS table still says `.com`; the `.eu` hosts are the ones the
    /// provider uses in production).
    static let known: [String: RegionInfo] = {
        var table: [String: RegionInfo] = [:]
        let ecsRegions = [
            "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12",
            "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-south-1", "cn-south-2", "cn-south-4",
            "cn-southwest-2", "cn-southwest-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "af-south-1", "af-north-1", "sa-brazil-1", "la-north-2",
            "la-south-2", "na-mexico-1", "tr-west-1", "me-east-1", "ae-ad-1", "eu-west-0", "eu-west-101",
            "my-kualalumpur-1", "ru-moscow-1",
        ]
        for id in ecsRegions {
            table[id] = RegionInfo(
                id: id, domain: id == "eu-west-101" ? europeanDomain : defaultDomain,
                hasRegionalIAM: !withoutRegionalIAM.contains(id), hasKPS: !withoutKPS.contains(id))
        }
        return table
    }()

    /// Regions of the ECS table that the SDK's IAM tables do not list: IAM goes to the global host,
    /// as the SDK's global fallback does (the global IAM serves every region's projects).
    static let withoutRegionalIAM: Set<String> = [
        "cn-south-4", "cn-north-11", "cn-north-12", "cn-southwest-3", "ap-southeast-5", "af-north-1",
    ]

    /// Regions of the ECS table that the SDK's KPS table does not list: key pairs come from ECS. A
    /// region this table gets wrong still works: a KPS that answers 404 or whose host does not
    /// resolve sends the client to ECS's `os-keypairs` too (`CloudClient.keypairListing`).
    static let withoutKPS: Set<String> = ["eu-west-0", "ae-ad-1", "eu-west-101"]
}
