/// What a cell shows when the locale cannot encode it (a non-UTF-8 `LANG`, e.g. `C`): an ASCII
/// stand-in of the same width, so the layout holds and no sign silently disappears. Without it,
/// curses drops what it cannot encode: `60×16` reads `6016`, a masked password shows nothing.
public enum AsciiFallback {
    /// `text` (one cell's grapheme) as exactly `width` ASCII characters.
    public static func text(_ text: String, width: Int) -> String {
        let width = max(1, width)
        if text.unicodeScalars.allSatisfy(\.isASCII) { return pad(text, width) }
        if let mapped = table[text] { return pad(mapped, width) }
        // A letter with combining marks keeps its base letter: e + ◌́ → e.
        if width == 1, let base = text.unicodeScalars.first, base.isASCII {
            return String(Character(base))
        }
        return String(repeating: "?", count: width)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String((text + String(repeating: " ", count: width)).prefix(width))
    }

    private static let table: [String: String] = [
        "×": "x", "—": "-", "–": "-", "·": ".", "…": "~", "•": "*", "●": "*", "○": "o",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "▸": ">", "▶": ">", "◂": "<", "◀": "<", "▲": "^", "▼": "v",
        "≤": "<", "≥": ">", "⚠": "!", "✓": "+", "✗": "x", "✔": "+", "✘": "x",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "«": "<", "»": ">", "█": "#", "▌": "|", "░": ".",
        "\u{00A0}": " ",
    ]
}
