/// A decoded key press (or a terminal resize or mouse event, which curses reports as keys).
public enum Key: Sendable, Equatable {
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case resize
    /// Only reported when the terminal was created with mouse reporting on.
    case mouse(MouseEvent)
    case function(Int)
    case unknown(Int32)
    /// A key pressed with Alt (Meta): terminals send it as ESC followed at once by the key.
    indirect case alt(Key)

    /// Ctrl-U, the classic "kill line" of terminals: it deletes from the start to the cursor.
    public static let clearLine = Key.control("u")

    /// The key Ctrl+`letter` sends (a–z, as ASCII 1–26); a key no keyboard sends for anything else.
    public static func control(_ letter: Character) -> Key {
        guard let value = letter.lowercased().unicodeScalars.first?.value, (97...122).contains(value),
              let scalar = Unicode.Scalar(value - 96)
        else { return .unknown(-1) }
        return .character(Character(scalar))
    }

    /// Is this a character that text fields insert (not a control character)?
    public var isPrintable: Bool {
        guard case .character(let character) = self else { return false }
        guard let first = character.unicodeScalars.first, !TerminalText.isControl(first) else { return false }
        return DisplayWidth.of(character) > 0
    }
}
