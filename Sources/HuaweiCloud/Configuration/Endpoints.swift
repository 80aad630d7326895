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

/// Where each service lives. In order of precedence:
/// 1. `override` (`--endpoint URL`): one base URL for every service (simulator, private gateway);
/// 2. the official SDK's variables: `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` (the region upper-cased,
///    `-` as `_`; a comma-separated list uses its first entry) and, for IAM, `HUAWEICLOUD_SDK_IAM_ENDPOINT`;
/// 3. for IAM, `iam_endpoint` of the SDK credentials file in use (`iamEndpoint`);
/// 4. the region's public host, `https://{ecs|ims|kms|iam}.{region}.myhuaweicloud.com`.
///
/// Plain `http://` is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost); anything else
/// must be `https://`, whose certificate the transport always verifies.
public struct Endpoints: Sendable, Equatable {
    public var region: String
    public var override: URL?
    /// Per-service base URLs from the environment (rule 2) or the credentials file (rule 3), by service.
    public var serviceOverrides: [CloudService: String]

    public init(region: String, override: URL? = nil, environment: [String: String] = [:], iamEndpoint: String? = nil) {
        self.region = region
        self.override = override
        serviceOverrides = Self.overrides(region: region, environment: environment)
        if serviceOverrides[.iam] == nil, let iam = Self.firstEntry(iamEndpoint) { serviceOverrides[.iam] = iam }
    }

    /// The base URL of `service`, unchecked; nil when it cannot be formed. Callers use `url(for:)`,
    /// which refuses plain http to anything but loopback.
    private func baseURL(for service: CloudService) -> URL? {
        if let override { return override }
        if let text = serviceOverrides[service] { return URL(string: text) }
        return URL(string: "https://\(service.rawValue).\(region).\(Self.domain(for: service, region: region))")
    }

    /// The base URL of `service`, checked: an absolute `https://` URL, or `http://` to loopback.
    public func url(for service: CloudService) throws -> URL {
        let source = override != nil ? "--endpoint" : serviceOverrides[service] != nil ? "the configuration" : "the region"
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
        case "http" where Self.isLoopback(host):
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

    /// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may go to.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        switch IPAddress.bytes(name) {
        case let bytes? where bytes.count == 4: return bytes[0] == 127
        case let bytes?: return bytes == Array(repeating: 0, count: 15) + [1]
        case nil: return false
        }
    }

    /// eu-west-101 (Dublin) keeps IAM on the European domain [SDK]; everything else is `.com`.
    static func domain(for service: CloudService, region: String) -> String {
        service == .iam && region == "eu-west-101" ? "myhuaweicloud.eu" : "myhuaweicloud.com"
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
