import TerminalKit

/// How many characters each text field takes. Generous for what belongs there, small enough
/// that a paste of anything (a log, a whole file) stays cheap; a field that refuses the rest
/// says so (`TextField.overflowed`).
package enum InputLimits {
    /// The list's `/` filter.
    package static let filter = 256
    /// The password fields: the policy allows 26; more is refused and reported as too long.
    package static let password = 256
    /// The key pair filter.
    package static let keypairFilter = 256
    /// The filter of `:`'s regions and projects.
    package static let scopeFilter = 128
    /// The user data file's path: PATH_MAX.
    package static let userDataPath = 4096
    /// The KMS key id is 36 characters; room for stray spaces around it.
    package static let cmkId = 64

    /// The typed confirmation: a little more than the longest name shown (255 and up; a name
    /// with control characters shows longer, each one as `\xHH`).
    package static func confirmation(for shownName: String) -> Int {
        max(300, shownName.count + 45)
    }
}
