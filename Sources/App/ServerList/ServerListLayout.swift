import TerminalKit

/// The list's geometry for a state: the rows and columns it has on screen. Pure functions of the
/// state, read by `reduce` (moving the selection, a page, a click) and by the view alike.
enum ServerListLayout {
    /// The list's title line (counts, sort, filter) and the table's header come before the rows.
    static let linesAboveRows = 2

    /// Rows of servers that fit under the title and the table's header.
    static func visibleRows(_ state: AppState) -> Int {
        max(1, Layout(state).bodyHeight - linesAboveRows)
    }

    /// The screen line of the first server row.
    static func firstRowLine(_ state: AppState) -> Int {
        Layout(state).bodyTop + linesAboveRows
    }

    /// The columns shown for this state: EP only when some server is outside the default
    /// enterprise project (most accounts have only that one, and the names keep its width);
    /// widths follow the values loaded.
    static func columns(_ state: AppState) -> [(column: ServerColumn, width: Int)] {
        let catalog = state.servers.catalog
        return columns(width: state.size.width, enterpriseProjects: catalog.spansEnterpriseProjects,
                       content: catalog.columnWidths, sortedBy: catalog.sort.column)
    }

    /// The columns shown at a terminal width, least important dropped first, in display order.
    /// Without `content`, each column gets its set widths.
    static func columns(width: Int, enterpriseProjects: Bool = true, content: ServerColumnWidths? = nil,
                        sortedBy: ServerColumn? = nil) -> [(column: ServerColumn, width: Int)] {
        let candidates = ServerColumn.allCases.filter { enterpriseProjects || $0 != .enterpriseProject }
        let specs = candidates.map { spec($0, widest: content?.widest($0), sorted: $0 == sortedBy) }
        // Widths bounded by their content go to the most important first: NAME whole before IMAGE
        // grows, IMAGE whole before EP does.
        return ColumnLayout.fit(specs, width: width - 2, growth: content == nil ? .byWeight : .byImportance).map { fitted in
            (candidates[fitted.index], fitted.width)
        }
    }

    /// A column with known values is never wider than the widest of them (or its title, with the
    /// sort arrow) and one column of gap, so that values with spaces (images) do not run into the
    /// next column; its values are whole up to its usual width before names and images, which are
    /// flexible, take the rest: `c7.2xlarge.4` is not cut while NAME has room to spare.
    private static func spec(_ column: ServerColumn, widest: Int?, sorted: Bool) -> ColumnSpec {
        let (minimum, wanted) = column.widths
        guard let widest else {
            return ColumnSpec(column.title, minWidth: minimum, maxWidth: wanted, weight: column.weight,
                              priority: column.priority)
        }
        let natural = max(widest, DisplayWidth.of(column.title) + (sorted ? 1 : 0))
        return ColumnSpec(column.title, minWidth: min(natural, column.comfortableWidth), maxWidth: natural + 1,
                          weight: column.weight, priority: column.priority)
    }
}
