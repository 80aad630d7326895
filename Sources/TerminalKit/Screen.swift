/// A grid of cells that views draw into; the terminal backend copies it to the real terminal.
///
/// Pure value: rendering and snapshot tests never touch curses.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Where the terminal cursor should be shown (text fields); nil hides it.
    public var cursor: CursorPosition?
    private var cells: [Cell]

    /// A screen filled with plain spaces.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at (x, y); a blank cell outside the grid, so callers need not bounds-check.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * width + x] : .blank
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Plain text of each row, wide characters once, trailing spaces trimmed: what snapshot tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var line = cells[(y * width)..<((y + 1) * width)].map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Draws text at (x, y), clipped to `maxWidth` columns (default: to the right edge).
    ///
    /// Wide characters take two columns; one that would be cut in half is replaced by a space.
    /// Control characters are drawn as `TerminalText.visible` shows them (`\x1B`), so text from
    /// elsewhere can neither act on the terminal nor vanish; other zero-width characters (lone
    /// combining marks) are skipped. Out-of-range y is a no-op.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        var column = x
        var written = 0
        for character in TerminalText.hasControls(text) ? TerminalText.visible(text) : text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column >= limit { break }
            let fits = column + characterWidth <= limit
            if column + characterWidth <= 0 {
                // Wholly left of the screen: nothing to draw.
            } else if column >= 0 && fits {
                setCell(Cell(text: String(character), width: characterWidth, style: style), x: column, y: y)
                written += characterWidth
            } else {
                // Only part of this character is visible: blank the visible columns instead of halving it.
                for blankColumn in max(0, column)..<min(limit, column + characterWidth) {
                    setCell(Cell(text: " ", width: 1, style: style), x: blankColumn, y: y)
                    written += 1
                }
                if !fits { break }
            }
            column += characterWidth
        }
        return written
    }

    /// Applies a style to a span of existing cells, keeping their text (e.g. the selected row).
    public mutating func restyle(x: Int, y: Int, width spanWidth: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + spanWidth)) {
            cells[y * width + column].style = style
        }
    }

    /// Fills a rectangle with spaces: clears what lies under a dialog or a redrawn region.
    public mutating func fill(x: Int, y: Int, width rectWidth: Int, height rectHeight: Int, style: Style = .plain) {
        guard rectWidth > 0 else { return }
        let blank = String(repeating: " ", count: rectWidth)
        for row in y..<max(y, y + rectHeight) {
            put(blank, x: x, y: row, maxWidth: rectWidth, style: style)
        }
    }

    /// Writes one cell, first repairing any wide character it half-overwrites.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let row = y * width
        // Overwriting the right half of a wide character orphans its left half.
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = Cell(text: " ", width: 1, style: cells[row + x - 1].style)
        }
        // Overwriting the left half of a wide character orphans its right half.
        let last = x + max(1, cell.width) - 1
        if last < width, cells[row + last].width == 2, last + 1 < width {
            cells[row + last + 1] = Cell(text: " ", width: 1, style: cells[row + last + 1].style)
        }
        cells[row + x] = cell
        if cell.width == 2, x + 1 < width {
            cells[row + x + 1] = .continuation(cell.style)
        }
    }
}
