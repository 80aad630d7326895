/// A framed box centred over whatever is on the screen: help, confirmations, errors.
public enum Dialog {
    /// Draws the dialog, sized to its content and clipped to the screen.
    ///
    /// The inside is cleared first so the view below does not show through. Lines too wide are
    /// cut with "…". When rows run short the footer (usually how to close the dialog) is kept:
    /// the blank line above it goes first, then the content's last lines.
    /// - Returns: the rectangle covered, within the screen.
    @discardableResult
    public static func draw(
        into screen: inout Screen, title: String, lines: [[TextSpan]], footer: [TextSpan] = [],
        glyphs: BoxGlyphs = .unicode, style: Style = .plain
    ) -> Rect {
        // Frame plus one column of padding on each side; the title also needs "┌─ " and " ─┐".
        let contentWidth = ([footer] + lines).map(width).max() ?? 0
        let wantedWidth = max(contentWidth + 4, DisplayWidth.of(title) + 6)
        let footerRows = footer.isEmpty ? 0 : 2  // a blank line, then the footer
        let wantedHeight = lines.count + footerRows + 2
        let rect = Rect(
            x: max(0, (screen.width - wantedWidth) / 2), y: max(0, (screen.height - wantedHeight) / 2),
            width: min(wantedWidth, screen.width), height: min(wantedHeight, screen.height))

        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: style)
        screen.drawBox(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: title, glyphs: glyphs, style: style)

        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        guard inner.width > 0, inner.height > 0 else { return rect }
        var contentRows = inner.height
        if !footer.isEmpty {
            drawLine(footer, into: &screen, x: inner.x, y: inner.y + inner.height - 1, width: inner.width)
            contentRows = inner.height - 1
        }
        for (row, line) in lines.prefix(contentRows).enumerated() {
            drawLine(line, into: &screen, x: inner.x, y: inner.y + row, width: inner.width)
        }
        return rect
    }

    private static func width(_ line: [TextSpan]) -> Int {
        line.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    private static func drawLine(_ line: [TextSpan], into screen: inout Screen, x: Int, y: Int, width: Int) {
        var column = x
        for span in line {
            let room = x + width - column
            guard room > 0 else { break }
            column += screen.put(DisplayWidth.truncate(span.text, to: room), x: column, y: y, maxWidth: room, style: span.style)
        }
    }
}
