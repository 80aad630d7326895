import Foundation

/// The services the tool calls; each has its own host in a region (huawei-ecs-api.md §1).
public enum CloudService: String, Sendable, CaseIterable {
    case ecs, ims, iam
    /// Key pairs (KPS) are served by the DEW host, whose name is `kms`, not `kps`.
    case kps = "kms"

    /// The service's name in the SDK's `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` variables.
    var environmentName: String {
        switch self {
        case .ecs: "ECS"
        case .ims: "IMS"
        case .iam: "IAM"
        case .kps: "KPS"
        }
    }
}

/// Where each service lives: the one place that answers it. In order of precedence:
/// 1. `override` (`--endpoint URL`): one base URL for every service (simulator, private gateway);
/// 2. the official SDK's variables: `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` (the region upper-cased,
///    `-` as `_`; a comma-separated list uses its first entry) and, for IAM, `HUAWEICLOUD_SDK_IAM_ENDPOINT`;
/// 3. for IAM, `iam_endpoint` of the SDK credentials file in use (`iamEndpoint`);
/// 4. the SDK's regions file (`$HUAWEICLOUD_SDK_REGIONS_FILE` or `~/.huaweicloud/regions.yaml`, see
///    `RegionsFile`), its first endpoint for the service and region;
/// 5. the region table (`RegionTable`): `https://{ecs|ims|kms|iam}.{region}.{domain}`, the domain
///    `myhuaweicloud.eu` on the European site; IAM on the global `https://iam.myhuaweicloud.com`
///    where the region has no IAM host of its own. A region the table does not list follows the
///    `.com` pattern.
///
/// Key pairs come from KPS where it is served (`servesKPS`), else from ECS's `os-keypairs`.
///
/// Plain `http://` is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost); anything else
/// must be `https://`, whose certificate the transport always verifies.
public struct Endpoints: Sendable, Equatable {
    /// Which rule gave a service its URL (quoted in messages).
    public enum Source: String, Sendable, Equatable {
        case override = "--endpoint", configuration = "the configuration", regionsFile = "the regions file",
             table = "the region"
    }

    public var region: String
    public var override: URL?
    /// Per-service base URLs from the environment (rule 2) or the credentials file (rule 3), by service.
    public var serviceOverrides: [CloudService: String]
    /// Per-service base URLs read from the regions file (rule 4), by service.
    public var fileOverrides: [CloudService: String]
    /// What the rules were read from, kept so that another region's endpoints follow the same
    /// settings (`inRegion`): the SDK's endpoint variables only (`endpointVariables`, never its
    /// keys or token), the credentials file's IAM endpoint, the file.
    private let sdkEnvironment: [String: String]
    private let iamEndpoint: String?
    private let regionsFile: RegionsFile?

    /// The one place a region's endpoints are worked out, at start and on a switch of region.
    public init(region: String, override: URL? = nil, environment: [String: String] = [:],
                iamEndpoint: String? = nil, regionsFile: RegionsFile? = nil) {
        self.region = region
        self.override = override
        sdkEnvironment = Self.endpointVariables(in: environment)
        self.iamEndpoint = iamEndpoint
        self.regionsFile = regionsFile
        serviceOverrides = Self.overrides(region: region, environment: environment)
        if serviceOverrides[.iam] == nil, let iam = Self.firstEntry(iamEndpoint) { serviceOverrides[.iam] = iam }
        var fromFile: [CloudService: String] = [:]
        for service in CloudService.allCases {
            if let url = regionsFile?.endpoint(service: service.environmentName, region: region) { fromFile[service] = url }
        }
        fileOverrides = fromFile
    }

    /// The same settings (`--endpoint`, the SDK's variables, the IAM endpoint, the regions file)
    /// applied to `region`.
    public func inRegion(_ region: String) -> Endpoints {
        Endpoints(region: region, override: override, environment: sdkEnvironment, iamEndpoint: iamEndpoint,
                  regionsFile: regionsFile)
    }

    /// Which rule decides `service`'s URL.
    public func source(for service: CloudService) -> Source {
        if override != nil { return .override }
        if serviceOverrides[service] != nil { return .configuration }
        if fileOverrides[service] != nil { return .regionsFile }
        return .table
    }

    /// Whether key pairs are asked of KPS: always when a URL for it is given (`--endpoint`, the
    /// environment, the regions file), else as the region table says. Where it is not, they are
    /// read from ECS's Nova-compatible `os-keypairs`.
    public var servesKPS: Bool {
        source(for: .kps) != .table || RegionTable.info(for: region).hasKPS
    }

    /// The base URL of `service`, unchecked; nil when it cannot be formed. Callers use `url(for:)`,
    /// which refuses plain http to anything but loopback.
    private func baseURL(for service: CloudService) -> URL? {
        if let override { return override }
        if let text = serviceOverrides[service] ?? fileOverrides[service] { return URL(string: text) }
        let info = RegionTable.info(for: region)
        if service == .iam && !info.hasRegionalIAM { return URL(string: RegionTable.globalIAM) }
        return URL(string: "https://\(service.rawValue).\(region).\(info.domain)")
    }

    /// The base URL of `service`, checked: an absolute `https://` URL, or `http://` to loopback.
    public func url(for service: CloudService) throws -> URL {
        let source = self.source(for: service).rawValue
        guard let url = baseURL(for: service), let scheme = url.scheme?.lowercased(), let host = url.host,
              !host.isEmpty
        else {
            throw CloudError.configuration(
                "The \(service.environmentName) endpoint from \(source) is not a valid URL. "
                    + "Give a full URL such as https://ecs.\(region).myhuaweicloud.com.")
        }
        switch scheme {
        case "https":
            return url
        case "http" where Loopback.isHost(host):
            return url
        case "http":
            throw CloudError.configuration(
                "The \(service.environmentName) endpoint \(Self.redacted(url.absoluteString)) (from \(source)) uses plain http to a "
                    + "host that is not this machine; credentials and passwords would cross the network unencrypted. "
                    + "Use https://, or http:// only to 127.0.0.1, ::1 or localhost.")
        default:
            throw CloudError.configuration(
                "The \(service.environmentName) endpoint \(Self.redacted(url.absoluteString)) (from \(source)) must be an https:// URL.")
        }
    }

    /// `text` with any `user:password@` after the scheme replaced by `••••@`: an endpoint or proxy
    /// URL is quoted in messages, its credentials never. Everything up to the last `@` goes, since
    /// a password may hold `/`, `?` or `#` (an `@` in a path costs only some of the quote).
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"),
              let at = text[schemeEnd.upperBound...].lastIndex(of: "@")
        else { return text }
        return text[..<schemeEnd.upperBound] + "••••" + text[at...]
    }

    /// Checks every service's URL, so a bad endpoint is reported at start, not at the first call.
    public func validate() throws {
        for service in CloudService.allCases { _ = try url(for: service) }
    }

    /// The variables `overrides(region:environment:)` reads, for any region: kept in every copy of
    /// the endpoints, so the environment's other variables (HUAWEICLOUD_SDK_SK among them) stay out.
    static func endpointVariables(in environment: [String: String]) -> [String: String] {
        let prefixes = CloudService.allCases.map { "HUAWEICLOUD_SDK_REGION_\($0.environmentName)_" }
        return environment.filter { name, _ in
            name == "HUAWEICLOUD_SDK_IAM_ENDPOINT" || prefixes.contains { name.hasPrefix($0) }
        }
    }

    static func overrides(region: String, environment: [String: String]) -> [CloudService: String] {
        let regionKey = region.uppercased().replacingOccurrences(of: "-", with: "_")
        var found: [CloudService: String] = [:]
        for service in CloudService.allCases {
            let name = "HUAWEICLOUD_SDK_REGION_\(service.environmentName)_\(regionKey)"
            if let first = firstEntry(environment[name]) { found[service] = first }
        }
        if found[.iam] == nil, let iam = firstEntry(environment["HUAWEICLOUD_SDK_IAM_ENDPOINT"]) {
            found[.iam] = iam
        }
        return found
    }

    /// The first non-empty entry of a comma-separated list.
    private static func firstEntry(_ value: String?) -> String? {
        value?.split(separator: ",").lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
    }
}
