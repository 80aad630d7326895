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

    /// Ctrl-U, the classic "kill line" of terminals: it clears a text field.
    public static let clearLine = Key.character("\u{15}")

    /// Is this a character that text fields insert (not a control character)?
    public var isPrintable: Bool {
        guard case .character(let character) = self else { return false }
        guard let first = character.unicodeScalars.first, !TerminalText.isControl(first) else { return false }
        return DisplayWidth.of(character) > 0
    }
}
