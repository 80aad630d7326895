import TerminalKit

/// How many characters each text field takes. Generous for what belongs there, small enough
/// that a paste of anything (a log, a whole file) stays cheap; a field that refuses the rest
/// says so (`TextField.overflowed`).
public enum InputLimits {
    /// The list's `/` filter.
    public static let filter = 256
    /// The password fields: the policy allows 26; more is refused and reported as too long.
    public static let password = 256
    /// The key pair filter.
    public static let keypairFilter = 256
    /// The user data file's path: PATH_MAX.
    public static let userDataPath = 4096
    /// The KMS key id is 36 characters; room for stray spaces around it.
    public static let cmkId = 64

    /// The typed confirmation: a little more than the longest name shown (255 and up; a name
    /// with control characters shows longer, each one as `\xHH`).
    public static func confirmation(for shownName: String) -> Int {
        max(300, shownName.count + 45)
    }
}
