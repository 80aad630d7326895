/// Where the credentials in use came from: said in every JSON result, in the TUI's header, and in
/// the hint when temporary credentials are refused.
public enum CredentialSource: Sendable, Equatable, CustomStringConvertible {
    /// `HUAWEICLOUD_SDK_AK` / `HUAWEICLOUD_SDK_SK` (and `_SECURITY_TOKEN`).
    case environment
    /// The SDK's credentials file, `[basic]`.
    case credentialsFile(path: String)
    /// A profile of KooCLI's configuration file.
    case kooCLIProfile(name: String, path: String)
    /// The agency's temporary credentials from the ECS metadata service at `url`.
    case ecsMetadata(url: String)
    /// The simulated cloud's throw-away keys.
    case demo

    public var description: String {
        switch self {
        case .environment: "environment (HUAWEICLOUD_SDK_AK)"
        case let .credentialsFile(path): "credentials file \(path)"
        case let .kooCLIProfile(name, path): "KooCLI profile \(name) in \(path)"
        case .ecsMetadata: "ECS metadata (agency)"
        case .demo: "demo (simulated cloud)"
        }
    }

    /// A few words for the TUI's header, which must fit 80 columns.
    public var brief: String {
        switch self {
        case .environment: "env"
        case .credentialsFile: "SDK file"
        case let .kooCLIProfile(name, _): "KooCLI:" + (name.count > 12 ? String(name.prefix(11)) + "…" : name)
        case .ecsMetadata: "ECS agency"
        case .demo: "demo"
        }
    }
}
