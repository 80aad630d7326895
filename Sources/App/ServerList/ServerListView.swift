import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The list: a title line (counts, filter, sort, last refresh), then the table, of which only the
/// visible rows are drawn.
func drawServerList(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let list = state.servers
    drawListTitle(&screen, state, layout)
    let tableTop = layout.bodyTop + 1
    let columns = ServerListLayout.columns(state)
    let visible = list.catalog.visible
    if visible.isEmpty {
        // Wrapped over the empty table's rows, not cut: a refusal's cause and remedy (the permission
        // missing, the enterprise project asked for) come last and must be read at 80 columns too.
        let text = DisplayWidth.wrapWhole(TerminalText.visible(emptyListText(list, enterpriseProject: state.enterpriseProject)),
                                          to: max(1, layout.width - 2))
        for (offset, line) in text.prefix(max(1, layout.bodyHeight - 2)).enumerated() {
            screen.put(line, x: 1, y: tableTop + 1 + offset)
        }
        return
    }
    let context = ServerRowContext(state)
    let sort = list.catalog.sort
    let tableColumns = columns.map { column, width in
        TableColumn(sort.column == column ? column.title + sort.arrow : column.title, width: width, cut: column.cut)
    }
    Table.draw(
        into: &screen, x: 1, y: tableTop, width: layout.width - 2, height: layout.bodyHeight - 1, columns: tableColumns,
        rowCount: visible.count, top: list.top, selected: list.selectedIndex,
        highlight: .firstColumn(marker: state.glyphs == .ascii ? ">" : "▸"),
        cell: { row, column in
            columns[column].column.text(list.catalog.visibleServer(at: row), context)
        },
        cellStyle: { row, column in
            switch columns[column].column {
            case .status: statusStyle(list.catalog.visibleServer(at: row).status)
            case .job:
                // No job, no style: a styled empty cell is a coloured bar when reversed.
                jobCellStyle(context.jobLabel(list.catalog.visibleServer(at: row)))
            default: nil
            }
        })
}

private func jobCellStyle(_ label: String) -> Style? {
    label.isEmpty ? nil : jobStatusStyle(label)
}

private func emptyListText(_ list: ServerListState, enterpriseProject: String?) -> String {
    if !list.catalog.isEmpty {
        return "No server matches “\(list.catalog.filter.text)”\(incompleteNote(list)). Esc clears the filter."
    }
    if list.loading { return "Loading servers…" }
    if let error = list.loadError {
        let retry = list.firstPageRetrying ? " Retried by itself with back-off (2 s to a minute); r retries now." : ""
        return "Could not list servers: \(error)\(retry)"
    }
    if let id = enterpriseProject {
        return "No servers in enterprise project \(EnterpriseProjectScope.displayName(id)) in this project and region."
    }
    return "No servers in this project and region."
}

/// `Servers 23 of 10,000 match “web” · sort NAME↑` on the left, `refreshed 08:31:02 CET` on the right;
/// while the filter is typed, the filter field takes the left part.
private func drawListTitle(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let list = state.servers
    let y = layout.bodyTop
    let right = refreshText(list, ClockText(state.timeZone))
    let rightWidth = DisplayWidth.of(right)
    screen.put(right, x: max(0, layout.width - rightWidth - 1), y: y, style: Style(dim: true))
    // The left part ends two columns before the right one.
    let leftEnd = layout.width - rightWidth - 3
    var x = 1
    if let field = list.filterField {
        x += screen.put("/", x: x, y: y, style: Style(bold: true))
        let cut = field.overflowed ? " · cut at \(field.maxLength) characters" : ""
        let matches = "  \(matchCount(list.catalog.visible.count))\(incompleteNote(list))\(cut) · Enter keep · Esc clear"
        let fieldWidth = max(8, min(30, leftEnd - x - DisplayWidth.of(matches)))
        let cursor = field.draw(into: &screen, x: x, y: y, width: fieldWidth, style: Style(underline: true))
        screen.cursor = CursorPosition(x: cursor, y: y)
        x += fieldWidth
        screen.put(DisplayWidth.truncate(matches, to: max(0, leftEnd - x)), x: x, y: y, style: Style(dim: true))
        return
    }
    x += screen.put("Servers ", x: x, y: y, style: Style(bold: true))
    screen.put(DisplayWidth.truncate(countText(list), to: max(0, leftEnd - x)), x: x, y: y)
}

/// `no match`, `1 match`, `2 matches`.
func matchCount(_ count: Int) -> String {
    count == 0 ? "no match" : count == 1 ? "1 match" : "\(grouped(count)) matches"
}

private func countText(_ list: ServerListState) -> String {
    let catalog = list.catalog
    let total = list.total.map(grouped) ?? "?"
    var parts: [String] = []
    if catalog.filter.isEmpty {
        parts.append(grouped(catalog.count))
    } else {
        parts.append("\(grouped(catalog.visible.count)) of \(grouped(catalog.count)) match “\(catalog.filter.text)”")
    }
    if list.loading {
        parts[0] += list.lastRefreshed == nil ? "/\(total) loading…" : " · refreshing \(grouped(list.seen.count))/\(total)…"
    } else if list.loadingStopped {
        // Never just `600 servers`: the operator must know the others exist.
        parts[0] += catalog.filter.isEmpty ? " of \(total) — loading stopped, r retries" : " · loading stopped, r retries"
    } else if catalog.filter.isEmpty {
        parts[0] += " servers"
    }
    parts.append("sort \(catalog.sort.label)")
    return parts.joined(separator: " · ")
}

/// ` among the 600 loaded of 2,000`, while the list is incomplete: no match is not no server.
private func incompleteNote(_ list: ServerListState) -> String {
    guard list.isIncomplete, let total = list.total else { return "" }
    return " among the \(grouped(list.catalog.count)) loaded of \(grouped(total))"
}

private func refreshText(_ list: ServerListState, _ clock: ClockText) -> String {
    // Held for the filter being typed (the form hides the list; one held for a running listing is just queued).
    let paused = list.refreshPending && list.filterField != nil ? "refresh paused · " : ""
    guard let time = list.lastRefreshed else { return paused.isEmpty ? "" : String(paused.dropLast(3)) }
    return "\(paused)refreshed \(clock.labelled(time))"
}

func statusStyle(_ status: ServerStatus) -> Style? {
    switch status {
    case .active: return Style(color: .green)
    case .shutoff: return Style(dim: true)
    case .error: return Style(color: .red, bold: true)
    case _ where ReinstallPreflight.transitional.contains(status): return Style(color: .yellow)
    default: return nil
    }
}
