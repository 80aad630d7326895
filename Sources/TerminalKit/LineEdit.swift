/// What an editing key does to a one-line field, shared by `TextField` and `SecureTextField` so
/// that both answer the same readline keys.
enum LineEdit: Equatable {
    case insert(Character)
    case deleteBackward, deleteForward
    /// Ctrl-W, Alt-Backspace.
    case deleteWordBackward
    /// Ctrl-U.
    case deleteToStart
    /// Ctrl-K.
    case deleteToEnd
    case left, right, wordLeft, wordRight, start, end

    /// The edit `key` asks for; nil for a key fields leave to the screen (Tab, Enter, arrows up
    /// and down, unbound control keys).
    init?(_ key: Key) {
        switch key {
        case .character(let character) where key.isPrintable: self = .insert(character)
        case .backspace: self = .deleteBackward
        case .delete, Key.control("d"): self = .deleteForward
        case Key.control("w"), .alt(.backspace): self = .deleteWordBackward
        case Key.control("u"): self = .deleteToStart
        case Key.control("k"): self = .deleteToEnd
        case .left, Key.control("b"): self = .left
        case .right, Key.control("f"): self = .right
        case .alt(.character("b")), .alt(.character("B")), .alt(.left): self = .wordLeft
        case .alt(.character("f")), .alt(.character("F")), .alt(.right): self = .wordRight
        case .home, Key.control("a"): self = .start
        case .end, Key.control("e"): self = .end
        default: return nil
        }
    }
}

/// Word boundaries for the word keys: a word is a run of characters that are neither whitespace
/// nor punctuation (letters, digits, CJK ideographs, emoji). Positions count the units the field
/// counts (Characters, or scalars in the secure field).
enum WordBoundary {
    /// Whether `character` separates words.
    static func separates(_ character: Character) -> Bool {
        if character.isWhitespace || character.isPunctuation { return true }
        // ASCII and math symbols (+ = | ~ <) separate; pictographs belong to a name as letters do.
        return character.isSymbol && !(character.unicodeScalars.first?.properties.isEmojiPresentation ?? false)
    }

    /// Readline's backward-word: skip separators to the left, then the word.
    static func previous(from position: Int, separators: [Bool]) -> Int {
        var index = min(max(0, position), separators.count)
        while index > 0, separators[index - 1] { index -= 1 }
        while index > 0, !separators[index - 1] { index -= 1 }
        return index
    }

    /// Readline's forward-word: skip separators to the right, then the word.
    static func next(from position: Int, separators: [Bool]) -> Int {
        var index = min(max(0, position), separators.count)
        while index < separators.count, separators[index] { index += 1 }
        while index < separators.count, !separators[index] { index += 1 }
        return index
    }
}
