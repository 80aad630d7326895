/// The list's order: the API's (as the cloud returns servers), or by one column either way.
package struct ServerSort: Sendable, Equatable {
    /// nil: the order the API returned.
    package var column: ServerColumn?
    package var descending: Bool

    package static let apiOrder = ServerSort(column: nil, descending: false)

    package init(column: ServerColumn?, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// `s`: the next column, after the last back to the API's order.
    var next: ServerSort {
        guard let column else { return ServerSort(column: ServerColumn.allCases.first) }
        let following = ServerColumn(rawValue: column.rawValue + 1)
        return ServerSort(column: following, descending: false)
    }

    /// `S`: the same order the other way round (the API's order too).
    var reversed: ServerSort {
        ServerSort(column: column, descending: !descending)
    }

    /// How the title line names it, as the sorted column's header does: `NAME↑`, `API order`,
    /// `API order↓`.
    package var label: String {
        "\(column?.title ?? "API order")\(arrow)"
    }

    /// `↑` or `↓` after a sorted column's title; nothing for the API's own order.
    package var arrow: String {
        if column == nil && !descending { return "" }
        return descending ? "↓" : "↑"
    }
}
