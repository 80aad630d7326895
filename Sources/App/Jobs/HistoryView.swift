import Foundation
import Reinstall
import TerminalKit

/// Finished jobs of this account (of each region worked in this run), newest first: what was
/// reinstalled, when, and how it ended.
func drawHistory(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let entries = Array(state.history.reversed())
    screen.put("Job history (\(entries.count))", x: 1, y: layout.bodyTop, style: Style(bold: true))
    guard !entries.isEmpty else {
        screen.put("No finished jobs yet.", x: 1, y: layout.bodyTop + 2, style: Style(dim: true))
        return
    }
    let width = layout.width - 2
    let clock = ClockText(state.timeZone)
    let columns = [
        TableColumn("SUBMITTED (\(clock.label(at: state.now)))", width: 19), TableColumn("SERVER", width: 18), TableColumn("API", width: 3),
        TableColumn("RESULT", width: 9), TableColumn("DETAIL", width: max(8, width - 53)),
    ]
    Table.draw(
        into: &screen, x: 1, y: layout.bodyTop + 1, width: width, height: layout.bodyHeight - 1, columns: columns,
        rowCount: entries.count, top: 0, selected: nil,
        cell: { row, column in
            let entry = entries[row]
            switch column {
            case 0: return clock.timestamp(entry.submittedAt)
            case 1: return entry.serverName
            case 2: return entry.api.rawValue
            case 3: return entry.lastStatus
            default:
                // A job of another region than the one listed (after `:`) says which.
                let elsewhere = entry.scope == state.journalScope ? ""
                    : "[\(state.scopeLabels[entry.scope] ?? entry.region ?? "another region")] "
                guard let code = entry.errorCode else { return elsewhere + (entry.failReason ?? "") }
                return elsewhere + JobFailure.codeAndReason(code: code, reason: entry.failReason ?? "")
            }
        },
        cellStyle: { row, column in
            guard column == 3 else { return nil }
            return entries[row].status == .job(.success) ? Style(color: .green) : Style(color: .red)
        })
}
