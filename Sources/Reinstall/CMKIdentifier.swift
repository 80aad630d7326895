/// A KMS key id for an encrypted system disk: 36 characters in UUID form (8-4-4-4-12 hex digits).
public enum CMKIdentifier {
    public static let length = 36

    public static func isValid(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == length, groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
