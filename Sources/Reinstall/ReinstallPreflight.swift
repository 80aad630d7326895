import HuaweiCloud

/// Whether a server may be reinstalled now, judged before the form opens (huawei-ecs-api.md §3–§4).
public enum ReinstallPreflight: Sendable, Equatable {
    case clear
    /// Allowed, but the operator should know (a server in ERROR: a failed reinstall can be retried).
    case warning(String)
    case blocked(String)

    /// Statuses that end by themselves; the reinstall must wait for them.
    public static let transitional: Set<ServerStatus> = [
        .build, .reboot, .hardReboot, .rebuild, .migrating, .resize, .revertResize, .verifyResize,
    ]

    public static func check(_ server: Server) -> ReinstallPreflight {
        let name = server.name
        if !server.hasSystemDisk {
            return .blocked("\(name) has no system disk (bootIndex 0): it cannot be reinstalled.")
        }
        if server.locked {
            return .blocked("\(name) is locked: unlock it before reinstalling.")
        }
        if let task = server.taskState, !task.isEmpty {
            return .blocked("\(name) is busy (task \(task), status \(server.status)): wait for the task to finish.")
        }
        if transitional.contains(server.status) {
            return .blocked("\(name) is \(server.status): wait for it to reach ACTIVE or SHUTOFF.")
        }
        switch server.status {
        case .active, .shutoff:
            return .clear
        case .error:
            return .warning("\(name) is in ERROR: a failed reinstall can be retried; check why it failed.")
        default:
            return .blocked("\(name) is \(server.status): a reinstall needs ACTIVE, SHUTOFF or ERROR.")
        }
    }
}
