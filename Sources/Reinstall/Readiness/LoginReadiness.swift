import Foundation

/// How the readiness probe ended.
public enum LoginReadiness: Sendable, Equatable {
    /// The login port answered `after` this long from the start of the probe.
    case answered(after: Duration, banner: String?)
    /// Every attempt failed until the bound (`after`: the bound as configured, not as measured);
    /// `reason` is the last failure's.
    case unreachable(reason: String, after: Duration)
    /// Not probed at all: no address, or an address the policy refuses.
    case notProbed(reason: String)

    public var isReady: Bool {
        if case .answered = self { return true }
        return false
    }

    /// `answered`, `unreachable` or `not_probed`: the JSON's `state`.
    public var state: String {
        switch self {
        case .answered: "answered"
        case .unreachable: "unreachable"
        case .notProbed: "not_probed"
        }
    }

    /// The one sentence the TUI and the commands show: `SSH answers after 1m12s` (`at once` when the
    /// first attempt found it open), `not reachable
    /// from here: connection refused (gave up after 5m; normal when this host is in another network)`.
    public func message(kind: LoginKind) -> String {
        switch self {
        case let .answered(after, _):
            // Under a second: it was open when first tried.
            return after < .seconds(1) ? "\(kind.name) answers at once" : "\(kind.name) answers after \(Self.spoken(after))"
        case let .unreachable(reason, after):
            return "not reachable from here: \(reason) (gave up after \(Self.spoken(after)); "
                + "normal when this host is in another network)"
        case let .notProbed(reason):
            return "not probed: \(reason)"
        }
    }

    /// `40s`, `1m12s`, `5m`, `1h2m`: whole seconds, the way the sentences say a wait (`300ms`
    /// below a second).
    public static func spoken(_ duration: Duration) -> String {
        let exact = duration.timeInterval
        if exact > 0, exact < 0.9995 { return "\(Int((exact * 1000).rounded()))ms" }
        let total = max(0, Int(duration.timeInterval.rounded()))
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        if hours > 0 { return minutes > 0 ? "\(hours)h\(minutes)m" : "\(hours)h" }
        if minutes > 0 { return seconds > 0 ? "\(minutes)m\(seconds)s" : "\(minutes)m" }
        return "\(seconds)s"
    }
}
