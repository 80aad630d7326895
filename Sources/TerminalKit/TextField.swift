/// One editable line of text; password fields set `masked` and draw "•" per character.
///
/// Typing at the end (the common case, and every paste) costs O(1) amortised per key, so a long
/// paste is linear. A field holds at most `maxLength` characters: what is typed past that is
/// refused and `overflowed` says so, so that the view can tell the operator instead of the
/// input going missing silently.
public struct TextField: Sendable, Equatable, DrawableField {
    /// A bound for fields that name no smaller one: PATH_MAX, the longest path a file can have.
    public static let defaultMaxLength = 4096

    public private(set) var text: String
    /// Insertion point, in Characters from the start of `text`.
    public var cursor: Int
    public var masked: Bool
    /// The most Characters the field takes.
    public let maxLength: Int
    /// Characters were refused because the field was full; cleared once the text gets shorter.
    public private(set) var overflowed = false
    /// `text.count`, kept up to date, since counting a String's Characters walks all of it.
    public private(set) var count: Int

    public init(text: String = "", masked: Bool = false, maxLength: Int = TextField.defaultMaxLength) {
        self.maxLength = max(0, maxLength)
        var text = text
        var count = text.count
        if count > self.maxLength {
            text = String(text.prefix(self.maxLength))
            count = self.maxLength
            overflowed = true
        }
        self.text = text
        self.count = count
        self.cursor = count
        self.masked = masked
    }

    /// Applies an editing key: printable characters insert; backspace, delete, the arrows, home
    /// and end edit or move, and so do the readline keys (Ctrl-A/E/B/F/W/U/K, Alt-B/F,
    /// Alt-Backspace). Editing keys are consumed even when they change nothing (backspace at the
    /// start, a character into a full field), so they never fall through to screen navigation.
    /// - Returns: true if the key was consumed.
    public mutating func apply(_ key: Key) -> Bool {
        guard let edit = LineEdit(key) else { return false }
        let position = clampedCursor
        switch edit {
        case .insert(let character):
            insert(character, at: position)
        case .deleteBackward:
            if position > 0 {
                if position == count {
                    text.removeLast()
                    count -= 1
                    overflowed = false
                } else {
                    text.remove(at: index(at: position - 1))
                    textShrank()
                }
                cursor = min(position - 1, count)
            }
        case .deleteForward:
            if position < count {
                text.remove(at: index(at: position))
                textShrank()
            }
        case .deleteWordBackward:
            remove(WordBoundary.previous(from: position, separators: separators)..<position)
        case .deleteToStart:
            if position == count { clear() } else { remove(0..<position) }
        case .deleteToEnd:
            remove(position..<count)
        case .wordLeft:
            cursor = WordBoundary.previous(from: position, separators: separators)
        case .wordRight:
            cursor = WordBoundary.next(from: position, separators: separators)
        case .left, .right, .start, .end:
            cursor = TextField.cursor(after: edit, from: position, count: count)
        }
        return true
    }

    /// Where a cursor move puts a cursor at `position` in `count` units. Shared by both kinds of field.
    static func cursor(after edit: LineEdit, from position: Int, count: Int) -> Int {
        switch edit {
        case .left: max(0, position - 1)
        case .right: min(count, position + 1)
        case .start: 0
        case .end: count
        default: position
        }
    }

    /// Which characters separate words; walked only for the word keys, never per typed character.
    private var separators: [Bool] { text.map(WordBoundary.separates) }

    /// Removes the Characters in `range` (in Characters); the cursor goes to its start.
    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else {
            cursor = range.lowerBound
            return
        }
        text.removeSubrange(index(at: range.lowerBound)..<index(at: range.upperBound))
        textShrank()
        cursor = min(range.lowerBound, count)
    }

    private mutating func insert(_ character: Character, at position: Int) {
        guard count < maxLength else {
            overflowed = true
            return
        }
        if position == count {
            // Appending: no walk from the start. The character may join the last one (an emoji
            // and its skin tone, two regional indicators), and then the count stays.
            let oldEnd = text.endIndex
            text.append(character)
            if text.index(before: text.endIndex) >= oldEnd { count += 1 }
            cursor = count
        } else {
            text.insert(character, at: index(at: position))
            count = text.count
            cursor = min(position + 1, count)
        }
    }

    /// After a deletion: recount (a removal can let neighbours join) and forget an overflow.
    private mutating func textShrank() {
        count = text.count
        overflowed = false
    }

    /// Draws the visible part into `width` columns at (x, y), scrolled horizontally so the cursor
    /// stays visible. Does not set `screen.cursor`: only the focused field should.
    /// - Returns: the screen column of the cursor.
    @discardableResult
    public func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style) -> Int {
        let shown: [Character] = masked ? Array(repeating: "•", count: count) : Array(text)
        return Self.drawLine(shown, cursor: clampedCursor, into: &screen, x: x, y: y, width: width, style: style)
    }

    /// Draws `shown` scrolled so that `position` stays visible; returns the cursor's column.
    static func drawLine(_ shown: [Character], cursor position: Int, into screen: inout Screen,
                         x: Int, y: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return x }
        let widths = shown.map(DisplayWidth.of)
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
        count = 0
        overflowed = false
    }

    private var clampedCursor: Int { min(max(0, cursor), count) }

    private func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}

/// A one-line field a form can draw: `TextField` and `SecureTextField`.
public protocol DrawableField {
    /// Draws the visible part into `width` columns at (x, y); returns the screen column of the cursor.
    @discardableResult
    func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style) -> Int
}
