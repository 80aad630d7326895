/// The release, named in this one place: `ecs-reinstall --version` prints it, every request's
/// User-Agent carries it, and the packages take their version from the built binary.
public enum ReleaseVersion {
    public static let current = "0.9.0"
}

/// What every request says it is, so the cloud's logs (and a support ticket's X-Request-Id) tell
/// which release sent it.
public enum UserAgent {
    public static let value = "ecs-reinstall/\(ReleaseVersion.current)"
}
