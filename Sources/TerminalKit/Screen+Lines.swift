/// Box-drawing on the screen grid: separators and framed panels.
extension Screen {
    /// A horizontal rule of "─".
    public mutating func horizontalLine(x: Int, y: Int, width lineWidth: Int, style: Style = .plain) {
        guard lineWidth > 0 else { return }
        put(String(repeating: "─", count: lineWidth), x: x, y: y, maxWidth: lineWidth, style: style)
    }

    /// A frame ┌─┐│└┘ with an optional title set into the top edge ("┌─ Title ───┐").
    /// The inside is left as it is; call `fill` first to clear it.
    public mutating func box(
        x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, title: String? = nil, style: Style = .plain
    ) {
        guard boxWidth >= 2, boxHeight >= 2 else { return }
        let rule = String(repeating: "─", count: boxWidth - 2)
        put("┌" + rule + "┐", x: x, y: y, maxWidth: boxWidth, style: style)
        for row in (y + 1)..<(y + boxHeight - 1) {
            put("│", x: x, y: row, style: style)
            put("│", x: x + boxWidth - 1, y: row, style: style)
        }
        put("└" + rule + "┘", x: x, y: y + boxHeight - 1, maxWidth: boxWidth, style: style)
        // Title needs "┌─ " before and " ─┐" after it: 6 columns of frame.
        if let title, boxWidth > 6 {
            let shown = DisplayWidth.truncate(title, to: boxWidth - 6)
            if !shown.isEmpty {
                put(" \(shown) ", x: x + 2, y: y, maxWidth: boxWidth - 4, style: style)
            }
        }
    }
}
