/// Box-drawing on the screen grid: separators and framed panels.
extension Screen {
    /// A horizontal rule.
    public mutating func horizontalLine(
        x: Int, y: Int, width lineWidth: Int, glyphs: BoxGlyphs = .unicode, style: Style = .plain
    ) {
        guard lineWidth > 0 else { return }
        put(String(repeating: glyphs.horizontal, count: lineWidth), x: x, y: y, maxWidth: lineWidth, style: style)
    }

    /// A frame with an optional title set into the top edge ("┌─ Title ───┐"), clipped to the screen.
    ///
    /// The title is cut with an ellipsis to fit between "┌─ " and " ─┐", never halving a wide
    /// character, so the corners always stand. The inside is left as it is; call `fill` first to clear it.
    public mutating func drawBox(
        x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, title: String? = nil,
        glyphs: BoxGlyphs = .unicode, style: Style = .plain
    ) {
        guard boxWidth >= 2, boxHeight >= 2 else { return }
        let rule = String(repeating: glyphs.horizontal, count: boxWidth - 2)
        put("\(glyphs.topLeft)\(rule)\(glyphs.topRight)", x: x, y: y, maxWidth: boxWidth, style: style)
        for row in (y + 1)..<(y + boxHeight - 1) {
            put(String(glyphs.vertical), x: x, y: row, style: style)
            put(String(glyphs.vertical), x: x + boxWidth - 1, y: row, style: style)
        }
        put("\(glyphs.bottomLeft)\(rule)\(glyphs.bottomRight)", x: x, y: y + boxHeight - 1, maxWidth: boxWidth, style: style)
        // Title needs "┌─ " before and " ─┐" after it: 6 columns of frame.
        if let title, boxWidth > 6 {
            let shown = DisplayWidth.truncate(title, to: boxWidth - 6)
            if !shown.isEmpty {
                put(" \(shown) ", x: x + 2, y: y, maxWidth: boxWidth - 4, style: style)
            }
        }
    }
}
