/// Pre-flight style lists: "✓ label" passed, "✗ label" failed, "· label" not applicable.
public enum Checklist {
    public enum Mark: Sendable, Hashable {
        case passed, failed, notApplicable

        var symbol: String {
            switch self {
            case .passed: "✓"
            case .failed: "✗"
            case .notApplicable: "·"
            }
        }

        /// The mark is coloured; a not-applicable line is dim throughout so it reads as inactive.
        var markStyle: Style {
            switch self {
            case .passed: Style(color: .green, bold: true)
            case .failed: Style(color: .red, bold: true)
            case .notApplicable: Style(dim: true)
            }
        }

        var labelStyle: Style { self == .notApplicable ? Style(dim: true) : .plain }
    }

    /// The items from (x, y) within `rows` lines: each label wrapped whole under itself when the
    /// rows allow (failures first: they say what to fix), else cut to one line with `…`; items
    /// beyond the rows are not drawn.
    public static func draw(into screen: inout Screen, x: Int, y: Int, width: Int, rows: Int? = nil,
                            items: [(label: String, mark: Mark)]) {
        guard width > 0 else { return }
        let rows = rows ?? items.count
        let shown = Array(items.prefix(rows))
        let room = max(1, width - 2)
        let whole = shown.map { DisplayWidth.wrapWhole($0.label, to: room) }
        var wrapped = Array(repeating: false, count: shown.count)
        var used = shown.count
        let order = shown.indices.sorted { (shown[$0].mark == .failed ? 0 : 1, $0) < (shown[$1].mark == .failed ? 0 : 1, $1) }
        for index in order where used + whole[index].count - 1 <= rows {
            wrapped[index] = true
            used += whole[index].count - 1
        }
        var row = y
        for (index, item) in shown.enumerated() {
            screen.put(item.mark.symbol, x: x, y: row, maxWidth: width, style: item.mark.markStyle)
            let lines = wrapped[index] ? whole[index] : [DisplayWidth.truncate(item.label, to: room)]
            for line in lines {
                if width > 2 { screen.put(line, x: x + 2, y: row, style: item.mark.labelStyle) }
                row += 1
            }
        }
    }
}
