import Foundation
import HuaweiCloud
import TerminalKit

func drawServerList(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let list = state.servers
    let width = layout.width - 2
    let fixed = [10, 8, 15, 9]  // status, OS, IP, job
    let flexible = max(10, width - fixed.reduce(0, +) - 5)
    let nameWidth = flexible * 45 / 100
    let columns = [
        TableColumn("NAME", width: nameWidth),
        TableColumn("STATUS", width: fixed[0]),
        TableColumn("OS", width: fixed[1]),
        TableColumn("IMAGE", width: flexible - nameWidth),
        TableColumn("PRIVATE IP", width: fixed[2]),
        TableColumn("JOB", width: fixed[3]),
    ]
    if list.rows.isEmpty {
        let text = list.loading ? "Loading servers…" : (list.loadError.map { "Could not list servers: \($0)" } ?? "No servers in this project and region.")
        screen.put(DisplayWidth.truncate(text, to: width), x: 1, y: layout.bodyTop + 1)
        return
    }
    let jobsByServer = Dictionary(state.jobs.map { ($0.serverId, $0) }, uniquingKeysWith: { _, newer in newer })
    Table.draw(
        into: &screen, x: 1, y: layout.bodyTop, width: width, height: layout.bodyHeight, columns: columns,
        rowCount: list.rows.count, top: list.top, selected: list.selectedIndex,
        cell: { row, column in
            let server = list.rows[row]
            switch column {
            case 0: return server.name
            case 1: return server.status
            case 2: return server.osType
            case 3: return server.imageName
            case 4: return server.privateIP ?? "—"
            default: return jobsByServer[server.id].map(statusLabel) ?? ""
            }
        },
        cellStyle: { row, column in
            column == 1 ? statusStyle(list.rows[row].status) : nil
        })
    let counter = list.loading
        ? "\(list.rows.count)/\(list.total.map(String.init) ?? "?") loading…"
        : "\(list.rows.count) servers"
    let x = max(0, layout.width - DisplayWidth.of(counter) - 1)
    screen.put(counter, x: x, y: 0, style: Style(reverse: true))
}


func statusStyle(_ status: String) -> Style? {
    switch status {
    case "ACTIVE": return Style(color: .green)
    case "SHUTOFF": return Style(dim: true)
    case "ERROR": return Style(color: .red, bold: true)
    case "REBUILD", "BUILD", "REBOOT", "HARD_REBOOT", "RESIZE", "MIGRATING": return Style(color: .yellow)
    default: return nil
    }
}
