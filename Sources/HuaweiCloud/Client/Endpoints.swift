import Foundation

/// The services the tool calls; each has its own host in a region (huawei-ecs-api.md §1).
public enum CloudService: String, Sendable, CaseIterable {
    case ecs, ims, iam
    /// Key pairs (KPS) are served by the DEW host, whose name is `kms`, not `kps`.
    case kps = "kms"
}

/// Where each service lives: per-region hosts, or one base URL for all (`--endpoint`).
public struct Endpoints: Sendable, Equatable {
    public var region: String
    public var override: URL?

    public init(region: String, override: URL? = nil) {
        self.region = region
        self.override = override
    }

    public func baseURL(for service: CloudService) -> URL? {
        if let override { return override }
        return URL(string: "https://\(service.rawValue).\(region).myhuaweicloud.com")
    }
}
