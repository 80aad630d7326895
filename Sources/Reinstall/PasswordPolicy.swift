import HuaweiCloud

/// The reinstall password rules (huawei-ecs-api.md §5), evaluated on every keystroke.
///
/// The rules read the password's bytes in its own buffer and never make a `String` of it. A label
/// says which rule failed, never what matched: at most the one refused character is named.
/// The special set is the widest the reinstall API documents; names are matched
/// case-insensitively, as Windows complexity checks do.
public enum PasswordPolicy {
    public static let allowedSpecials: String = "!@$%^-_=+[{}]:,./?~#*"
    public static let minLength = 8
    public static let maxLength = 26

    /// Only the rules that apply to `os`, in display order. The user-name rules are about the
    /// account the password is for: `root` on Linux, `Administrator` on Windows (§5).
    public static func evaluate(password: Secret, confirmation: Secret, os: TargetOS) -> [PasswordCheck] {
        let scan = password.withBytes { Scan($0) }
        var checks = [
            lengthCheck(scan.characters),
            classesCheck(scan.classes),
            allowedCharactersCheck(scan.refused),
        ]
        switch os {
        case .linux: checks.append(rootNameCheck(password))
        case .windows: checks += windowsChecks(password)
        }
        checks.append(confirmationCheck(password: password, confirmation: confirmation))
        return checks
    }

    public static func isAcceptable(password: Secret, confirmation: Secret, os: TargetOS) -> Bool {
        evaluate(password: password, confirmation: confirmation, os: os).allSatisfy(\.passed)
    }

    /// For text that is already a `String` (tables in tests, literals): copied into buffers first.
    public static func evaluate(password: String, confirmation: String, os: TargetOS) -> [PasswordCheck] {
        evaluate(password: Secret(password), confirmation: Secret(confirmation), os: os)
    }

    public static func isAcceptable(password: String, confirmation: String, os: TargetOS) -> Bool {
        isAcceptable(password: Secret(password), confirmation: Secret(confirmation), os: os)
    }

    // MARK: - Rules

    private static func lengthCheck(_ count: Int) -> PasswordCheck {
        PasswordCheck(
            rule: .length, label: "\(minLength)–\(maxLength) characters (now \(count))",
            passed: (minLength...maxLength).contains(count))
    }

    private static func classesCheck(_ present: Set<CharacterClass>) -> PasswordCheck {
        PasswordCheck(
            rule: .characterClasses, label: "3 of upper, lower, digit, special (now \(present.count))",
            passed: present.count >= 3)
    }

    private static func allowedCharactersCheck(_ refused: [Unicode.Scalar]?) -> PasswordCheck {
        guard let refused else {
            return PasswordCheck(
                rule: .allowedCharacters, label: "only letters, digits and \(allowedSpecials)", passed: true)
        }
        return PasswordCheck(rule: .allowedCharacters, label: "\(describe(refused)) is not allowed", passed: false)
    }

    private static let root = Array("root".utf8)
    private static let toor = Array("toor".utf8)
    private static let administrator = Array("administrator".utf8)

    private static func rootNameCheck(_ password: Secret) -> PasswordCheck {
        let found = password.withBytes { containsFolded(root, in: $0) || containsFolded(toor, in: $0) }
        return PasswordCheck(rule: .noRootName, label: "no 'root' or 'toor'", passed: !found)
    }

    private static func windowsChecks(_ password: Secret) -> [PasswordCheck] {
        let (name, reversed, run, slash) = password.withBytes { bytes in
            (containsFolded(administrator, in: bytes),
             containsFolded(administrator.reversed(), in: bytes),
             hasRunOfAdministrator(bytes),
             bytes.first == UInt8(ascii: "/"))
        }
        return [
            PasswordCheck(rule: .windowsNoUsername, label: "no 'Administrator'", passed: !name),
            PasswordCheck(rule: .windowsNoReverse, label: "no 'rotartsinimdA' (reversed)", passed: !reversed),
            PasswordCheck(rule: .windowsNoRun, label: "no 3-letter run of Administrator", passed: !run),
            PasswordCheck(rule: .windowsNoLeadingSlash, label: "does not start with '/'", passed: !slash),
        ]
    }

    private static func confirmationCheck(password: Secret, confirmation: Secret) -> PasswordCheck {
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

    // MARK: - Bytes

    /// Whether `needle` (lower-case ASCII) occurs in `bytes`, ASCII letters compared case-insensitively.
    /// Only ASCII is folded, so Unicode case mappings cannot fool or shift the match.
    private static func containsFolded(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) {
            var matched = true
            for (i, b) in needle.enumerated() where folded(bytes[start + i]) != b {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// Whether any three consecutive bytes are a run of "administrator".
    private static func hasRunOfAdministrator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for start in 0...(bytes.count - 3) {
            let a = folded(bytes[start]), b = folded(bytes[start + 1]), c = folded(bytes[start + 2])
            for i in 0...(administrator.count - 3)
            where administrator[i] == a && administrator[i + 1] == b && administrator[i + 2] == c {
                return true
            }
        }
        return false
    }

    private static func folded(_ b: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b
    }

    // MARK: - Characters

    /// The four complexity classes; `of` is nil for a character the API refuses.
    fileprivate enum CharacterClass: CaseIterable {
        case upper, lower, digit, special

        static func of(_ scalar: Unicode.Scalar) -> CharacterClass? {
            guard scalar.isASCII else { return nil }
            switch UInt8(scalar.value) {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
            default: return allowedSpecials.unicodeScalars.contains(scalar) ? .special : nil
            }
        }
    }

    /// One pass over the UTF-8: characters counted as the operator sees them (a base scalar and
    /// what joins it: combining marks, emoji modifiers, ZWJ sequences, flag pairs, CR LF), the
    /// classes present, and the first refused character (its scalars, only to name it).
    private struct Scan {
        var characters = 0
        var classes: Set<CharacterClass> = []
        var refused: [Unicode.Scalar]?

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var current: [Unicode.Scalar] = []
            var regionalRun = 0
            func finish(_ cluster: [Unicode.Scalar]) {
                guard let first = cluster.first else { return }
                characters += 1
                if cluster.count == 1, let cls = CharacterClass.of(first) {
                    classes.insert(cls)
                } else if refused == nil {
                    refused = cluster
                }
            }
            loop: while true {
                switch decoder.decode(&iterator) {
                case let .scalarValue(scalar):
                    let isRegional = (0x1F1E6...0x1F1FF).contains(scalar.value)
                    let joins = current.last.map { previous in
                        scalar.properties.isGraphemeExtend || scalar.properties.isEmojiModifier
                            || scalar.value == 0x200D || previous.value == 0x200D
                            || (previous.value == 0x0D && scalar.value == 0x0A)
                            || (isRegional && regionalRun % 2 == 1)
                    } ?? false
                    if !joins {
                        finish(current)
                        current.removeAll(keepingCapacity: true)
                    }
                    current.append(scalar)
                    regionalRun = isRegional ? regionalRun + 1 : 0
                case .emptyInput:
                    break loop
                case .error:
                    finish(current)
                    current.removeAll(keepingCapacity: true)
                    finish(["\u{FFFD}"])
                }
            }
            finish(current)
            for i in current.indices { current[i] = "\0" }
        }
    }

    /// How the checklist names a refused character; invisible ones get a name, not quotes.
    private static func describe(_ cluster: [Unicode.Scalar]) -> String {
        guard let s = cluster.first else { return "?" }
        if cluster.count == 2, s.value == 0x0D, cluster[1].value == 0x0A { return "line break" }
        guard cluster.count == 1 else {
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: cluster)
            return "'\(String(shown))'"
        }
        switch s {
        case " ": return "space"
        case "\t": return "tab"
        case "\n", "\r": return "line break"
        default:
            if s.properties.isWhitespace || s.properties.generalCategory == .control
                || s.properties.generalCategory == .format {
                return "U+" + String(s.value, radix: 16, uppercase: true)
            }
            return "'\(Character(s))'"
        }
    }
}
