import TerminalKit

/// The readline keys every text field takes (`LineEdit`), declared once for the modes that hand
/// them to a field (the form, the review's name, the filter), so the help shows each key that works.
enum LineEditKeys {
    /// - Parameter perform: hands the key to the mode's text field.
    static func actions(_ perform: @escaping @Sendable (inout AppState, Key) -> [Effect]) -> [Action] {
        [
            Action(keys: [.control("a"), .control("e"), .control("b"), .control("f"), .control("d")],
                   keyLabel: "^A ^E ^B ^F ^D", label: "start, end, back, forward, delete the next character",
                   perform: perform),
            Action(keys: [.control("w"), .clearLine, .control("k")], keyLabel: "^W ^U ^K",
                   label: "delete a word, to the start, to the end", footer: "^W ^U edit", perform: perform),
            Action(keys: [.alt(.character("b")), .alt(.character("f")), .alt(.backspace)], keyLabel: "M-b M-f M-⌫",
                   label: "a word back, a word forward, delete the word before", perform: perform),
        ]
    }
}
