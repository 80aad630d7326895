/// Text from elsewhere (the cloud: names, messages, failure reasons) made safe to show on a
/// terminal. The one rule, shared by the UI and the commands for scripts:
///
/// every control character — C0 (U+0000–U+001F, which holds ESC, BEL, CR, BS, LF and TAB), DEL
/// (U+007F) and C1 (U+0080–U+009F, which some terminals take as CSI, OSC, …) — is shown as
/// `\xHH`, its code in two upper-case hex digits. Everything else passes unchanged (CJK, emoji,
/// combining marks).
///
/// So no escape sequence from outside (a title change with OSC 0, the clipboard with OSC 52,
/// colours or cursor moves with CSI, the bell) can act, yet nothing disappears silently: a name
/// made of controls alone still shows, differs from the empty string, and can be typed back as
/// shown, in plain ASCII. The result has no controls, so applying the rule again changes nothing.
public enum TerminalText {
    /// `text` with each control character replaced by `\xHH`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` has any character that `visible` would replace.
    public static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// C0, DEL or C1.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    /// A line for a terminal: its own line breaks are kept, every other control is shown.
    /// For messages that we compose; cloud text inside them should already have gone through
    /// `visible` (so that a line break the cloud sent shows as `\x0A` rather than forging a line).
    public static func visibleLines(_ text: String) -> String {
        guard hasControls(text) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { visible(String($0)) }
            .joined(separator: "\n")
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let value = Int(scalar.value)
        return "\\x" + String(hexDigits[value >> 4]) + String(hexDigits[value & 0xF])
    }
}
