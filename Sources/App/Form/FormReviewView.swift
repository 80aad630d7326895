import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The review step: exactly what will be sent (the password as ••••), then the server's name
/// typed to confirm, because Enter-Enter becomes muscle memory.
func drawFormReview(_ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ plan: ReinstallPlan,
                    _ layout: Layout) {
    let left = 1
    let width = layout.width - left - 1
    var row = layout.bodyTop
    let x = screen.put("Review: reinstall the OS of ", x: left, y: row, style: Style(bold: true))
    // The whole name, as it is to be typed: after the words when it fits, else broken over the
    // lines below (server names are at most 64 characters, so a few lines at most).
    let name = form.shownName
    let fits = DisplayWidth.of(name) <= width - x
    if !fits { row += 1 }
    for line in fits ? [name] : DisplayWidth.breakLines(name, to: width) {
        screen.put(line, x: fits ? left + x : left, y: row, style: Style(color: .cyan, bold: true))
        row += 1
    }
    // What to know before confirming: a changed login key, no login at all, a server in ERROR.
    let warnings = form.validation(formContext(state, form)).warnings
    for warning in warnings {
        for line in DisplayWidth.wrap("⚠ " + warning, to: width).prefix(2) {
            screen.put(line, x: left, y: row, style: Style(color: .yellow, bold: true))
            row += 1
        }
    }
    if warnings.isEmpty { row += 1 }
    screen.put("This exact request will be sent:", x: left, y: row, style: Style(dim: true))
    row += 1
    let request = "\(plan.method) \(plan.path(projectId: state.projectId))"
    for line in DisplayWidth.breakLines(request, to: width) {
        screen.put(line, x: left, y: row, style: Style(color: .cyan, bold: true))
        row += 1
    }
    let body = (try? plan.reviewBodyLines()) ?? ["(the body could not be encoded)"]
    let stop = plan.request.withStopServer ? " It is stopped first." : ""
    let controls = TerminalText.hasControls(form.server.name) ? " (control characters as shown, \\xHH)" : ""
    let id = TerminalText.visible(form.server.id)
    let prompt = "The system disk is wiped.\(stop) Type the name\(controls) or the id (\(id)) to confirm, Esc goes back:"
    let promptLines = DisplayWidth.wrap(prompt, to: width).prefix(3)
    // Room is kept for the prompt, the field and its error line.
    for line in body.prefix(max(0, layout.bodyTop + layout.bodyHeight - row - promptLines.count - 2)) {
        screen.put(DisplayWidth.truncate(line, to: width), x: left, y: row, style: .plain)
        row += 1
    }
    row += 1
    for line in promptLines {
        screen.put(line, x: left, y: row, style: Style(bold: true))
        row += 1
    }
    // Wide enough for the name or the id, whichever the operator types.
    let fieldWidth = min(width, max(20, DisplayWidth.of(form.shownName) + 4, DisplayWidth.of(id) + 4))
    screen.put("[" + String(repeating: " ", count: fieldWidth - 2) + "]", x: left, y: row, style: Style(dim: true))
    let cursorX = form.confirmName.draw(into: &screen, x: left + 1, y: row, width: fieldWidth - 2, style: Style(underline: true))
    screen.cursor = CursorPosition(x: cursorX, y: row)
    let matches = form.confirmationMatches
    let status = form.submitting ? "Submitting…" : matches ? "Enter sends it"
        : form.confirmName.overflowed ? "cut at \(form.confirmName.maxLength) characters" : ""
    screen.put(status, x: left + fieldWidth + 1, y: row, style: matches ? Style(color: .red, bold: true) : Style(dim: true))
    if let error = form.error {
        screen.put(DisplayWidth.truncate(error, to: width), x: left, y: row + 1, style: Style(color: .red, bold: true))
    }
}
