import Testing
import TerminalKit

@testable import App

/// The list's own columns at the widths operators use: which are shown, and that they fit.
struct ServerListLayoutTests {
    @Test(arguments: [
        (60, [ServerColumn.name, .status, .os, .ips, .job]),
        (80, [.name, .status, .os, .image, .ips, .cloudInit, .job]),
        (100, [.name, .status, .os, .image, .ips, .flavor, .cloudInit, .job]),
        (120, ServerColumn.allCases),
        // The enterprise project goes first, before the availability zone.
        (105, [.name, .status, .os, .image, .ips, .flavor, .zone, .cloudInit, .job]),
    ])
    func leastImportantColumnsDropFirst(width: Int, shown: [ServerColumn]) {
        let columns = ServerListLayout.columns(width: width)
        #expect(columns.map(\.column) == shown)
        let used = columns.map(\.width).reduce(0, +) + columns.count - 1
        #expect(used <= width - 2, "the table sits inside a one-column margin on each side")
        for (column, columnWidth) in columns {
            #expect(columnWidth >= column.widths.min)
            if let max = column.widths.max { #expect(columnWidth <= max) }
        }
    }
}
