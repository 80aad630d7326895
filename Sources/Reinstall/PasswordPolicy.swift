/// The reinstall password rules (huawei-ecs-api.md §5), evaluated on every keystroke.
///
/// The special set is the widest the reinstall API documents; names are matched
/// case-insensitively, as Windows complexity checks do.
public enum PasswordPolicy {
    public static let allowedSpecials: String = "!@$%^-_=+[{}]:,./?~#*"
    public static let minLength = 8
    public static let maxLength = 26

    /// Only the rules that apply to `os`, in display order. The user-name rules are about the
    /// account the password is for: `root` on Linux, `Administrator` on Windows (§5).
    public static func evaluate(password: String, confirmation: String, os: TargetOS) -> [PasswordCheck] {
        let chars = Array(password)
        let folded = chars.map(foldedASCII)
        var checks = [
            lengthCheck(chars),
            classesCheck(chars),
            allowedCharactersCheck(chars),
        ]
        switch os {
        case .linux: checks.append(rootNameCheck(folded))
        case .windows: checks += windowsChecks(folded)
        }
        checks.append(confirmationCheck(password: password, confirmation: confirmation))
        return checks
    }

    public static func isAcceptable(password: String, confirmation: String, os: TargetOS) -> Bool {
        evaluate(password: password, confirmation: confirmation, os: os).allSatisfy(\.passed)
    }

    // MARK: - Rules

    private static func lengthCheck(_ chars: [Character]) -> PasswordCheck {
        PasswordCheck(
            rule: .length, label: "\(minLength)–\(maxLength) characters (now \(chars.count))",
            passed: (minLength...maxLength).contains(chars.count))
    }

    private static func classesCheck(_ chars: [Character]) -> PasswordCheck {
        let present = CharacterClass.allCases.filter { cls in chars.contains { CharacterClass.of($0) == cls } }
        return PasswordCheck(
            rule: .characterClasses, label: "3 of upper, lower, digit, special (now \(present.count))",
            passed: present.count >= 3)
    }

    private static func allowedCharactersCheck(_ chars: [Character]) -> PasswordCheck {
        guard let bad = chars.first(where: { CharacterClass.of($0) == nil }) else {
            return PasswordCheck(
                rule: .allowedCharacters, label: "only letters, digits and \(allowedSpecials)", passed: true)
        }
        return PasswordCheck(rule: .allowedCharacters, label: "\(describe(bad)) is not allowed", passed: false)
    }

    private static func rootNameCheck(_ folded: [Character]) -> PasswordCheck {
        let found = ["root", "toor"].first { folded.contains(subsequence: Array($0)) }
        let base = "no 'root' or 'toor'"
        return PasswordCheck(
            rule: .noRootName, label: found.map { "\(base) ('\($0)' found)" } ?? base, passed: found == nil)
    }

    private static func windowsChecks(_ folded: [Character]) -> [PasswordCheck] {
        let name = Array("administrator")
        let runBase = "no 3-letter run of Administrator"
        // The leftmost run in the password is the one the user is looking at.
        let run = folded.indices.dropLast(2).lazy
            .map { Array(folded[$0..<$0 + 3]) }
            .first { name.contains(subsequence: $0) }
        return [
            PasswordCheck(
                rule: .windowsNoUsername, label: "no 'Administrator'",
                passed: !folded.contains(subsequence: name)),
            PasswordCheck(
                rule: .windowsNoReverse, label: "no 'rotartsinimdA' (reversed)",
                passed: !folded.contains(subsequence: Array(name.reversed()))),
            PasswordCheck(
                rule: .windowsNoRun, label: run.map { "\(runBase) ('\(String($0))' found)" } ?? runBase,
                passed: run == nil),
            PasswordCheck(
                rule: .windowsNoLeadingSlash, label: "does not start with '/'",
                passed: folded.first != "/"),
        ]
    }

    private static func confirmationCheck(password: String, confirmation: String) -> PasswordCheck {
        let label: String
        let passed = !password.isEmpty && password == confirmation
        if passed {
            label = "confirmation matches"
        } else if confirmation.isEmpty {
            label = "confirmation: type the password again"
        } else {
            label = "confirmation does not match"
        }
        return PasswordCheck(rule: .confirmationMatches, label: label, passed: passed)
    }

    // MARK: - Characters

    /// The four complexity classes; `of` is nil for a character the API refuses.
    private enum CharacterClass: CaseIterable {
        case upper, lower, digit, special

        static func of(_ c: Character) -> CharacterClass? {
            // A grapheme of several scalars (emoji with modifiers, combining accents) is never ASCII.
            guard c.unicodeScalars.count == 1, let v = c.asciiValue else { return nil }
            switch v {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
            default: return allowedSpecials.contains(c) ? .special : nil
            }
        }
    }

    /// Lower-cases ASCII letters only, so name matching cannot be fooled or shifted by
    /// Unicode case mappings (non-ASCII characters fail `allowedCharacters` anyway).
    private static func foldedASCII(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let v = c.asciiValue,
              (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(v) else { return c }
        return Character(Unicode.Scalar(v + 32))
    }

    /// How the checklist names a refused character; invisible ones get a name, not quotes.
    private static func describe(_ c: Character) -> String {
        switch c {
        case " ": return "space"
        case "\t": return "tab"
        case "\n", "\r", "\r\n": return "line break"
        default:
            if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1,
               s.properties.isWhitespace || s.properties.generalCategory == .control
                || s.properties.generalCategory == .format {
                return "U+" + String(s.value, radix: 16, uppercase: true)
            }
            return "'\(c)'"
        }
    }
}

extension Array where Element: Equatable {
    /// Whether `needle` occurs as a contiguous run.
    fileprivate func contains(subsequence needle: [Element]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { start in
            self[start..<start + needle.count].elementsEqual(needle)
        }
    }
}
