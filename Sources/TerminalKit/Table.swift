/// A scrolling table: a bold header line, then only the visible rows, pulled from the caller
/// by index so a 10 000-row list costs no more to draw than a screenful.
public enum Table {
    /// First row index to show so that `selected` stays visible, moving as little as possible
    /// from `previousTop`, and never leaving blank rows at the bottom when rows are removed.
    public static func scrollTop(selected: Int, previousTop: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard rowCount > 0, visibleRows > 0 else { return 0 }
        let selection = min(max(0, selected), rowCount - 1)
        var top = min(max(0, previousTop), max(0, rowCount - visibleRows))
        if selection < top { top = selection }
        if selection >= top + visibleRows { top = selection - visibleRows + 1 }
        return top
    }

    /// How the selected row stands out.
    public enum Highlight: Sendable, Equatable {
        /// Reverse video across the full width.
        case row
        /// Reverse video on the first column only, and `marker` in the column left of the table.
        /// A terminal then rewrites a few dozen cells per step instead of two whole rows, which
        /// counts on a slow link.
        case firstColumn(marker: String)
    }

    /// Draws the header (bold) and the rows `top..<top + height - 1` in the rectangle.
    ///
    /// Cells are fitted to their column with `DisplayWidth.fit` ("…" where the column's `cut`
    /// says), one space between columns. The selected row is highlighted as `highlight` says;
    /// `cellStyle(row, column)` may colour a cell (nil means plain).
    public static func draw(
        into screen: inout Screen, x: Int, y: Int, width: Int, height: Int, columns: [TableColumn],
        rowCount: Int, top: Int, selected: Int?, highlight: Highlight = .row,
        cell: (Int, Int) -> String, cellStyle: (Int, Int) -> Style?
    ) {
        guard width > 0, height > 0 else { return }
        screen.fill(x: x, y: y, width: width, height: height)
        let header = Style(bold: true)
        drawLine(into: &screen, x: x, y: y, width: width, columns: columns, header: true) { column in
            (columns[column].title, header)
        }
        for line in 1..<height {
            let row = top + line - 1
            guard row >= 0, row < rowCount else { break }
            let isSelected = row == selected
            // The columns drawn reversed: all of them, the first, or none.
            var reversedColumns = 0
            if isSelected {
                switch highlight {
                case .row:
                    reversedColumns = columns.count
                    screen.put(String(repeating: " ", count: width), x: x, y: y + line, maxWidth: width, style: Style.plain.reversed)
                case let .firstColumn(marker):
                    reversedColumns = 1
                    if x > 0 { screen.put(marker, x: x - 1, y: y + line, maxWidth: 1, style: Style(bold: true)) }
                    screen.put(String(repeating: " ", count: min(width, columns.first?.width ?? 0)), x: x, y: y + line,
                               style: Style.plain.reversed)
                }
            }
            drawLine(into: &screen, x: x, y: y + line, width: width, columns: columns) { column in
                let style = cellStyle(row, column) ?? .plain
                return (cell(row, column), column < reversedColumns ? style.reversed : style)
            }
        }
    }

    private static func drawLine(
        into screen: inout Screen, x: Int, y: Int, width: Int, columns: [TableColumn], header: Bool = false,
        content: (Int) -> (String, Style)
    ) {
        var column = x
        for index in columns.indices {
            let available = min(columns[index].width, x + width - column)
            guard available > 0 else { break }
            let (text, style) = content(index)
            // Titles are words: cut at the end whatever the column's values want.
            let cut: DisplayWidth.Cut = header ? .end : columns[index].cut
            screen.put(DisplayWidth.fit(text, to: available, cut: cut), x: column, y: y, maxWidth: available, style: style)
            column += columns[index].width + 1
        }
    }
}
