import Foundation

/// Which enterprise projects a server listing covers: the `enterprise_project_id` query parameter
/// (huawei-ecs-api.md §3.1). A user authorised per enterprise project, rather than for the whole
/// project, is refused a listing that does not name them, so every listing names them.
public enum EnterpriseProjectScope: Sendable, Equatable, CustomStringConvertible {
    /// Every enterprise project the caller is granted (`all_granted_eps`).
    case allGranted
    /// One enterprise project, by id (`0` is the default one).
    case only(String)

    /// The wire value meaning "all granted".
    public static let allGrantedValue = "all_granted_eps"
    /// The id of the default enterprise project, which every account has.
    public static let defaultProjectId = "0"

    /// An option's value: nil or `all_granted_eps` for all, else an id (letters, digits, `-`, `_`).
    public init(option: String?) throws(CloudError) {
        guard let text = option?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text != Self.allGrantedValue
        else {
            self = .allGranted
            return
        }
        guard text.count <= 64, text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        else {
            throw .configuration("An enterprise project is named by its id (a UUID, or 0 for the default one), "
                + "or \(Self.allGrantedValue) for all those granted.")
        }
        self = .only(text)
    }

    /// The value sent as `enterprise_project_id`.
    public var queryValue: String {
        switch self {
        case .allGranted: Self.allGrantedValue
        case let .only(id): id
        }
    }

    /// Whether a server of enterprise project `id` (nil: an account without them, the default
    /// one) is in this scope. "All granted" takes what the cloud shows.
    public func covers(_ id: String?) -> Bool {
        switch self {
        case .allGranted: true
        case let .only(scope): scope == (id ?? Self.defaultProjectId)
        }
    }

    public var description: String {
        switch self {
        case .allGranted: "all granted enterprise projects"
        case let .only(id): "enterprise project \(EnterpriseProjectScope.displayName(id))"
        }
    }

    /// How an enterprise project id is shown: the default one by name, the others by id.
    public static func displayName(_ id: String) -> String {
        id == defaultProjectId ? "default" : id
    }
}
