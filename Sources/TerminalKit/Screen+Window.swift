extension Screen {
    /// Copies `rows` rows of `source`, from its row `from`, to this screen's row `to`: a view
    /// taller than its region is drawn whole off screen and shown through this window. Every
    /// cell of the window is written, so nothing earlier shows through.
    public mutating func copyRows(of source: Screen, from: Int, to: Int, rows: Int) {
        for offset in 0..<max(0, rows) {
            let y = to + offset
            fill(x: 0, y: y, width: width, height: 1)
            for x in 0..<min(width, source.width) {
                let cell = source[x, from + offset]
                // The right half of a wide character comes with its left half.
                guard cell.width > 0 else { continue }
                put(cell.text, x: x, y: y, maxWidth: cell.width, style: cell.style)
            }
        }
        if let cursor = source.cursor, cursor.y >= from, cursor.y < from + rows {
            self.cursor = CursorPosition(x: cursor.x, y: cursor.y - from + to)
        }
    }
}
