import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The review step: exactly what will be sent (the password as ••••), then the server's name
/// typed to confirm, because Enter-Enter becomes muscle memory.
func drawFormReview(_ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ plan: ReinstallPlan,
                    _ layout: Layout) {
    let left = 1
    let page = ReviewPage(state, form, plan, layout)
    var row = layout.bodyTop
    for line in page.head {
        for piece in line { screen.put(piece.text, x: left + piece.x, y: row, style: piece.style) }
        row += 1
    }
    let window = page.bodyWindow(scroll: form.reviewScroll)
    for line in page.body[window] {
        screen.put(line, x: left, y: row, style: .plain)
        row += 1
    }
    if let marker = page.marker(window, ascii: state.glyphs == .ascii) {
        screen.put(DisplayWidth.truncate(marker, to: page.width), x: left, y: row, style: Style(reverse: true))
        row += 1
    }
    row += page.gap
    for line in page.prompt {
        screen.put(line, x: left, y: row, style: Style(bold: true))
        row += 1
    }
    // Wide enough for the name or the id, whichever the operator types.
    let id = TerminalText.visible(form.server.id)
    let fieldWidth = min(page.width, max(20, DisplayWidth.of(form.shownName) + 4, DisplayWidth.of(id) + 4))
    screen.put("[" + String(repeating: " ", count: fieldWidth - 2) + "]", x: left, y: row, style: Style(dim: true))
    let cursorX = form.confirmName.draw(into: &screen, x: left + 1, y: row, width: fieldWidth - 2, style: Style(underline: true))
    screen.cursor = CursorPosition(x: cursorX, y: row)
    let matches = form.confirmationMatches
    let status = form.submitting ? "Submitting…" : matches ? "Enter sends it"
        : form.confirmName.overflowed ? "cut at \(form.confirmName.maxLength) characters" : ""
    screen.put(status, x: left + fieldWidth + 1, y: row, style: matches ? Style(color: .red, bold: true) : Style(dim: true))
    for line in page.error {
        row += 1
        screen.put(line, x: left, y: row, style: Style(color: .red, bold: true))
    }
}

/// The review's rows for the body's height: the request body gets the rows the rest leaves, and
/// scrolls (↑↓, PgUp/PgDn) when it needs more, under a line that says how much is hidden. The
/// reducer uses it too, so a scroll never goes past what the screen can show.
struct ReviewPage {
    struct Piece {
        var x: Int
        var text: String
        var style: Style
    }

    let width: Int
    /// The title and the whole name, the warnings, the request line.
    private(set) var head: [[Piece]] = []
    /// The request body, its long lines broken, never cut.
    let body: [String]
    let prompt: [String]
    /// The form's error under the field, wrapped whole.
    let error: [String]
    /// Rows for the body, with its marker line when it does not fit.
    let room: Int

    init(_ state: AppState, _ form: ReinstallForm, _ plan: ReinstallPlan, _ layout: Layout) {
        let width = max(1, layout.width - 2)
        self.width = width
        let title = "Review: reinstall the OS of "
        let x = DisplayWidth.of(title)
        let bold = Style(bold: true)
        let nameStyle = Style(color: .cyan, bold: true)
        // The whole name, as it is to be typed: after the words when it fits, else broken over the
        // lines below (server names are at most 64 characters, so a few lines at most).
        let name = form.shownName
        if DisplayWidth.of(name) <= width - x {
            head.append([Piece(x: 0, text: title, style: bold), Piece(x: x, text: name, style: nameStyle)])
        } else {
            head.append([Piece(x: 0, text: title, style: bold)])
            head += DisplayWidth.breakLines(name, to: width).map { [Piece(x: 0, text: $0, style: nameStyle)] }
        }
        // What to know before confirming: a changed login key, no login at all, a server in ERROR.
        let warnings = form.validation(formContext(state, form)).warnings
        for warning in warnings {
            head += DisplayWidth.wrapWhole("⚠ " + warning, to: width)
                .map { [Piece(x: 0, text: $0, style: Style(color: .yellow, bold: true))] }
        }
        let blankAt = warnings.isEmpty ? head.count : nil
        head.append([Piece(x: 0, text: "This exact request will be sent:", style: Style(dim: true))])
        head += DisplayWidth.breakLines("\(plan.method) \(plan.path(projectId: state.projectId))", to: width)
            .map { [Piece(x: 0, text: $0, style: nameStyle)] }
        body = ((try? plan.reviewBodyLines()) ?? ["(the body could not be encoded)"])
            .flatMap { DisplayWidth.breakLines($0, to: width) }
        let stop = plan.request.withStopServer ? " It is stopped first." : ""
        let controls = TerminalText.hasControls(form.server.name) ? " (control characters as shown, \\xHH)" : ""
        let id = TerminalText.visible(form.server.id)
        prompt = DisplayWidth.wrapWhole(
            "The system disk is wiped.\(stop) Type the name\(controls) or the id (\(id)) to confirm, Esc goes back:",
            to: width)
        error = form.error.map { DisplayWidth.wrapWhole($0, to: width) } ?? []
        // Under the body: the prompt, the field, the error. The blank rows that set the parts
        // apart are given up first when the body would get fewer than three rows.
        var left = layout.bodyHeight - head.count - prompt.count - 1 - error.count
        let blanks = 1 + (blankAt == nil ? 0 : 1)
        gap = left - blanks >= min(3, body.count) ? 1 : 0
        if gap == 1 {
            left -= blanks
            if let blankAt { head.insert([], at: blankAt) }
        }
        room = max(left, min(2, body.count))
    }

    /// Blank rows between the body and the prompt: none when the rows are few.
    let gap: Int

    /// Whether the body needs more rows than it has, so it scrolls.
    var scrolls: Bool { body.count > room }

    /// The body lines in view: all of them, or a window of `room - 1` from `scroll`.
    func bodyWindow(scroll: Int) -> Range<Int> {
        guard scrolls else { return 0..<body.count }
        let top = clamped(scroll)
        return top..<min(body.count, top + max(1, room - 1))
    }

    /// The furthest a scroll can go: the last body line on the last row of the window.
    func clamped(_ scroll: Int) -> Int {
        guard scrolls else { return 0 }
        return min(max(0, scroll), body.count - max(1, room - 1))
    }

    /// The keys that scroll the body; the others go to the name field.
    static let scrollKeys: [Key] = [.up, .down, .pageUp, .pageDown]

    /// The scroll after a key, or nil when the key does not scroll the body.
    func scroll(_ scroll: Int, after key: Key) -> Int? {
        let page = max(1, room - 2)
        switch key {
        case .up: return clamped(scroll - 1)
        case .down: return clamped(scroll + 1)
        case .pageUp: return clamped(scroll - page)
        case .pageDown: return clamped(scroll + page)
        default: return nil
        }
    }

    /// `▼ 12 more lines · ↑↓ PgUp PgDn scroll`: what is hidden above and below the window.
    func marker(_ window: Range<Int>, ascii: Bool) -> String? {
        guard scrolls else { return nil }
        let above = window.lowerBound
        let below = body.count - window.upperBound
        var parts: [String] = []
        if below > 0 { parts.append("\(ascii ? "v" : "▼") \(below) more line\(below == 1 ? "" : "s")") }
        if above > 0 { parts.append("\(ascii ? "^" : "▲") \(above) above") }
        return " " + parts.joined(separator: ", ") + " · \(ascii ? "Up/Down" : "↑↓") PgUp PgDn scroll "
    }
}
