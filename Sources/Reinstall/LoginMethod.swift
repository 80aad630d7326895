import HuaweiCloud

/// How the reinstalled system will be logged into.
public enum LoginMethod: Sendable, Equatable {
    case keypair(name: String)
    case password(Secret)
}
