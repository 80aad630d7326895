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

    /// One item per line from (x, y), labels truncated to fit `width`.
    public static func draw(into screen: inout Screen, x: Int, y: Int, width: Int, items: [(label: String, mark: Mark)]) {
        guard width > 0 else { return }
        for (offset, item) in items.enumerated() {
            let row = y + offset
            screen.put(item.mark.symbol, x: x, y: row, maxWidth: width, style: item.mark.markStyle)
            if width > 2 {
                screen.put(DisplayWidth.truncate(item.label, to: width - 2), x: x + 2, y: row, style: item.mark.labelStyle)
            }
        }
    }
}
