#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether to draw in colour.
public enum ColorSupport {
    private static let variables = ["NO_COLOR"]

    /// An explicit request wins, except that a terminal without colours cannot be given any.
    /// Otherwise colour is on unless NO_COLOR is set to a non-empty value (https://no-color.org).
    public static func decide(
        requested: Bool? = nil, environment: [String: String], terminalHasColors: Bool
    ) -> Bool {
        guard terminalHasColors else { return false }
        if let requested { return requested }
        return environment["NO_COLOR", default: ""].isEmpty
    }

    /// The variables `decide` reads, taken from this process's environment.
    public static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in variables {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
