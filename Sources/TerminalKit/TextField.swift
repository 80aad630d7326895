/// One editable line of text; password fields set `masked` and draw "•" per character.
public struct TextField: Sendable, Equatable {
    public var text: String
    /// Insertion point, in Characters from the start of `text`.
    public var cursor: Int
    public var masked: Bool

    public init(text: String = "", masked: Bool = false) {
        self.text = text
        self.cursor = text.count
        self.masked = masked
    }

    /// Applies an editing key: printable characters insert; backspace, delete, left, right,
    /// home and end edit or move; ctrl-U clears. Editing keys are consumed even when they
    /// change nothing (backspace at the start), so they never fall through to screen navigation.
    /// - Returns: true if the key was consumed.
    public mutating func apply(_ key: Key) -> Bool {
        let position = clampedCursor
        switch key {
        case Key.clearLine:
            clear()
        case .character(let character) where key.isPrintable:
            text.insert(character, at: index(at: position))
            cursor = position + 1
        case .backspace:
            if position > 0 {
                text.remove(at: index(at: position - 1))
                cursor = position - 1
            }
        case .delete:
            if position < text.count { text.remove(at: index(at: position)) }
        case .left:
            cursor = max(0, position - 1)
        case .right:
            cursor = min(text.count, position + 1)
        case .home:
            cursor = 0
        case .end:
            cursor = text.count
        default:
            return false
        }
        return true
    }

    /// Draws the visible part into `width` columns at (x, y), scrolled horizontally so the cursor
    /// stays visible. Does not set `screen.cursor`: only the focused field should.
    /// - Returns: the screen column of the cursor.
    @discardableResult
    public func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return x }
        let shown: [Character] = masked ? Array(repeating: "•", count: text.count) : Array(text)
        let widths = shown.map(DisplayWidth.of)
        let position = clampedCursor
        let cursorColumn = widths[..<position].reduce(0, +)
        // The cursor needs its own cell: the character under it, or one column past the end.
        let cursorCells = position < widths.count ? max(1, widths[position]) : 1

        var first = 0
        var scrolled = 0
        while first < position, cursorColumn - scrolled + cursorCells > width {
            scrolled += widths[first]
            first += 1
        }

        screen.put(String(repeating: " ", count: width), x: x, y: y, maxWidth: width, style: style)
        screen.put(String(shown[first...]), x: x, y: y, maxWidth: width, style: style)
        return x + cursorColumn - scrolled
    }

    /// Empties the field. For a uniquely held string, Swift keeps the buffer on
    /// `removeAll(keepingCapacity:)`, so the zeros written next overwrite the old bytes in place;
    /// copies held elsewhere (and small strings stored inline) are beyond our reach.
    public mutating func clear() {
        let byteCount = text.utf8.count
        text.removeAll(keepingCapacity: true)
        text.append(String(repeating: "\0", count: byteCount))
        text.removeAll(keepingCapacity: false)
        cursor = 0
    }

    private var clampedCursor: Int { min(max(0, cursor), text.count) }

    private func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}
