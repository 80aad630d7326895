import TerminalKit

/// A plain-text table for a terminal: columns padded by display width, so CJK names (two cells
/// per character) line up.
struct TextTable {
    var headers: [String]
    var rows: [[String]]

    func render() -> [String] {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        return ([headers] + rows).map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : pad(row[column], to: widths[column])
            }.joined(separator: "  ")
        }
    }

    private func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
