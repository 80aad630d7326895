import HuaweiCloud

/// Whether a server may be reinstalled now, judged before the form opens (huawei-ecs-api.md §3–§4).
public enum ReinstallPreflight: Sendable, Equatable {
    case clear
    /// Allowed, but the operator should know (a server in ERROR: a failed reinstall can be retried).
    case warning(String)
    case blocked(String)

    /// Why the ECS reinstall API is not for this server at all, or nil. Listings leave bare metal
    /// servers out; one named by id is refused by this before anything is sent.
    public static func notAnECSServer(_ server: Server) -> String? {
        guard server.isBareMetal else { return nil }
        return "\(server.name) is a bare metal server (tag \(Server.bareMetalTag)): "
            + "bare metal servers are reinstalled through the BMS API, not ECS."
    }

    /// Statuses that end by themselves; the reinstall must wait for them.
    public static let transitional: Set<ServerStatus> = [
        .build, .reboot, .hardReboot, .rebuild, .migrating, .resize, .revertResize, .verifyResize,
    ]

    public static func check(_ server: Server) -> ReinstallPreflight {
        let name = server.name
        if let why = notAnECSServer(server) { return .blocked(why) }
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
