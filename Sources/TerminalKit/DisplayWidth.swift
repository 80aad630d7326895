/// How many terminal columns text takes, following wcwidth's rules so the grid matches what
/// curses and the terminal draw: 0 for combining and zero-width characters, 2 for East Asian
/// Wide/Fullwidth and emoji presentation, 1 for everything else.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII is by far the common case.
        if value >= 0x20 && value < 0x7F { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if EastAsianWide.contains(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// A grapheme is as wide as its first spacing scalar: combining marks and variation
    /// selectors ride on it, and that is how the backend hands it to curses.
    ///
    /// A control character is as wide as `TerminalText.visible` shows it (`\x1B`: four columns);
    /// a control is always a grapheme of its own (or CR LF), so all its scalars are controls.
    public static func of(_ character: Character) -> Int {
        if let first = character.unicodeScalars.first, TerminalText.isControl(first) {
            return TerminalText.visible(String(character)).unicodeScalars.count
        }
        for scalar in character.unicodeScalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Truncates to at most `width` columns, ending with "…" when it had to cut
    /// (never splitting a wide character).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = width - 1  // one column for the ellipsis
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// Truncates, then pads with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let truncated = truncate(text, to: width)
        let padding = max(0, width - of(truncated))
        return truncated + String(repeating: " ", count: padding)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // C0 and C1 controls draw nothing (wcwidth says -1; the grid cannot hold a negative width).
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return true }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            return value != 0x00AD  // the soft hyphen is visible in terminals
        default:
            return false
        }
    }
}
