/// What one connection attempt to the login port found.
public enum ProbeAnswer: Sendable, Equatable {
    /// The port answered; for SSH, with its banner (`SSH-2.0-OpenSSH_9.2p1`, sanitised).
    case answered(banner: String?)
    /// Refused, timed out, no route, no banner…: in words.
    case failed(reason: String)
}
