import HuaweiCloud
import TerminalKit

/// The widest value of each column over the servers loaded, so columns can be as wide as their
/// content and no wider. Kept as pages arrive (a page costs its own servers, a frame nothing);
/// only removing servers reads them all again.
package struct ServerColumnWidths: Sendable, Equatable {
    private var widest: [Int] = Array(repeating: 0, count: ServerColumn.allCases.count)

    package init() {}

    /// The widest value of `column`; nil for the columns whose values come from outside the
    /// servers (jobs, images), which keep their set widths.
    package func widest(_ column: ServerColumn) -> Int? {
        column.hasOwnValues ? widest[column.rawValue] : nil
    }

    /// Widens the columns for a server added or changed. A changed server's old, wider value
    /// keeps its width until the next removal: a column a little wide is harmless.
    mutating func include(_ server: Server) {
        // The columns read here need nothing beyond the server.
        let context = ServerRowContext(jobs: [], images: [:])
        for column in ServerColumn.allCases where column.hasOwnValues {
            widest[column.rawValue] = max(widest[column.rawValue], DisplayWidth.of(column.text(server, context)))
        }
    }

    static func of(_ servers: [Server]) -> ServerColumnWidths {
        var widths = ServerColumnWidths()
        for server in servers { widths.include(server) }
        return widths
    }
}

extension ServerColumn {
    /// The column's values are the server's own (not a job's or an image's).
    var hasOwnValues: Bool {
        switch self {
        case .cloudInit, .job: false
        default: true
        }
    }
}
