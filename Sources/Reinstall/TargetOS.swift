import HuaweiCloud

/// The family of the system being installed; it decides which password rules apply.
public enum TargetOS: Sendable, Equatable {
    case linux, windows

    /// Anything that is not Windows (Linux, `Other`) logs in as `root` and gets the Linux rules.
    public init(server: Server) {
        self = server.isWindows ? .windows : .linux
    }
}
