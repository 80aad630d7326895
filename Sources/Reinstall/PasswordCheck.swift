/// One line of the password checklist.
public enum PasswordRule: String, Sendable, CaseIterable {
    case length
    case characterClasses
    case allowedCharacters
    case noRootName
    case windowsNoUsername
    case windowsNoReverse
    case windowsNoRun
    case windowsNoLeadingSlash
    case confirmationMatches
}

/// A rule evaluated against the text typed so far. The label never holds the password: it says
/// which rule failed, not what matched, and names at most the one refused character.
public struct PasswordCheck: Sendable, Equatable {
    public var rule: PasswordRule
    public var label: String
    public var passed: Bool

    public init(rule: PasswordRule, label: String, passed: Bool) {
        self.rule = rule
        self.label = label
        self.passed = passed
    }
}
