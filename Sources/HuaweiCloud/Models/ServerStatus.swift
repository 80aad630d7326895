/// A server's `status` (huawei-ecs-api.md §3.3). Decoded leniently: a status this version does not
/// know is kept as the cloud sent it (`other`), so it is shown, filtered and written back unchanged.
public enum ServerStatus: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    case active
    case build
    case deleted
    case error
    case hardReboot
    case migrating
    case paused
    case reboot
    /// A reinstall (or a rebuild) in progress.
    case rebuild
    case resize
    case revertResize
    case shelved
    case shelvedOffloaded
    case shutoff
    case softDeleted
    case suspended
    case verifyResize
    /// The cloud's own `UNKNOWN`, or no status at all.
    case unknown
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "ACTIVE": self = .active
        case "BUILD": self = .build
        case "DELETED": self = .deleted
        case "ERROR": self = .error
        case "HARD_REBOOT": self = .hardReboot
        case "MIGRATING": self = .migrating
        case "PAUSED": self = .paused
        case "REBOOT": self = .reboot
        case "REBUILD": self = .rebuild
        case "RESIZE": self = .resize
        case "REVERT_RESIZE": self = .revertResize
        case "SHELVED": self = .shelved
        case "SHELVED_OFFLOADED": self = .shelvedOffloaded
        case "SHUTOFF": self = .shutoff
        case "SOFT_DELETED": self = .softDeleted
        case "SUSPENDED": self = .suspended
        case "VERIFY_RESIZE": self = .verifyResize
        case "UNKNOWN": self = .unknown
        default: self = .other(rawValue)
        }
    }

    /// The status as the cloud spells it: for display, filters and JSON.
    public var rawValue: String {
        switch self {
        case .active: return "ACTIVE"
        case .build: return "BUILD"
        case .deleted: return "DELETED"
        case .error: return "ERROR"
        case .hardReboot: return "HARD_REBOOT"
        case .migrating: return "MIGRATING"
        case .paused: return "PAUSED"
        case .reboot: return "REBOOT"
        case .rebuild: return "REBUILD"
        case .resize: return "RESIZE"
        case .revertResize: return "REVERT_RESIZE"
        case .shelved: return "SHELVED"
        case .shelvedOffloaded: return "SHELVED_OFFLOADED"
        case .shutoff: return "SHUTOFF"
        case .softDeleted: return "SOFT_DELETED"
        case .suspended: return "SUSPENDED"
        case .verifyResize: return "VERIFY_RESIZE"
        case .unknown: return "UNKNOWN"
        case let .other(text): return text
        }
    }

    public var description: String { rawValue }
}
