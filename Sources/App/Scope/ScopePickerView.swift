import HuaweiCloud
import TerminalKit

/// `:`: a framed list of the regions and projects over the server list, the typed filter on
/// top, the highlighted choice in reverse video, the current scope and the previous one marked.
/// The screen's footer (not covered) holds the keys.
func drawScopePicker(_ screen: inout Screen, _ state: AppState, _ picker: ScopePicker) {
    let width = min(64, max(20, state.size.width - 6))
    // Frame, filter line, blank line; the footer row and the header stay visible.
    var rows = max(1, state.size.height - 8)
    var lines: [[TextSpan]] = []
    let typed = picker.filter.text
    lines.append(typed.isEmpty
        ? [TextSpan("Filter: ", style: Style(bold: true)), TextSpan("type part of a region or project name", style: Style(dim: true))]
        : [TextSpan("Filter: ", style: Style(bold: true)), TextSpan(TerminalText.visible(typed) + "▏")])
    if let problem = picker.reloadError {
        let said = DisplayWidth.wrapWhole(TerminalText.visible(problem), to: width).prefix(2)
        lines += said.map { [TextSpan($0, style: Style(color: .red))] }
        // Its lines are taken from the list's, so the box keeps its size.
        rows = max(1, rows - said.count)
    }
    lines.append([])
    switch picker.choices {
    case .loading, .notRequested:
        lines.append([TextSpan("Listing the regions and projects (GET /v3/auth/projects)…", style: Style(dim: true))])
    case let .failed(message):
        lines += DisplayWidth.wrapWhole(TerminalText.visible(message), to: width).prefix(max(1, rows - 2))
            .map { [TextSpan($0, style: Style(color: .red, bold: true))] }
        lines.append([TextSpan("Enter asks again · Esc closes · --region needs no list",
                               style: Style(dim: true))])
    case .loaded:
        lines += choiceLines(state, picker, width: width, rows: rows)
    }
    // Padded to the full width so the box does not change size as the filter narrows the list.
    lines[0].append(TextSpan(String(repeating: " ", count: max(0, width - lines[0].reduce(0) { $0 + DisplayWidth.of($1.text) }))))
    Dialog.draw(into: &screen, title: "Switch region or project", lines: lines, glyphs: state.glyphs)
}

/// One line per matching scope, scrolled so the highlighted one is in sight.
private func choiceLines(_ state: AppState, _ picker: ScopePicker, width: Int, rows: Int) -> [[TextSpan]] {
    let shown = picker.matching()
    guard !shown.isEmpty else { return [[TextSpan("No region or project matches.", style: Style(dim: true))]] }
    let highlighted = picker.highlighted?.projectId
    let index = shown.firstIndex { $0.projectId == highlighted } ?? 0
    let first = max(0, min(index - rows + 1, shown.count - rows))
    let regionWidth = min(18, max(10, shown.map { DisplayWidth.of($0.region) }.max() ?? 10))
    return shown.dropFirst(first).prefix(rows).map { scope in
        var notes: [String] = []
        if scope.projectId == state.projectId { notes.append("current") }
        if scope.projectId == state.previousScope?.projectId { notes.append("last used") }
        let project = scope.isRegionDefault ? "" : "project " + TerminalText.visible(scope.projectName)
        let text = DisplayWidth.fit(TerminalText.visible(scope.region), to: regionWidth) + "  "
            + DisplayWidth.fit(project, to: max(0, width - regionWidth - 14)) + "  " + notes.joined(separator: ", ")
        let style = scope.projectId == highlighted ? Style(reverse: true)
            : scope.projectId == state.projectId ? Style(bold: true) : .plain
        return [TextSpan(DisplayWidth.fit(text, to: width), style: style)]
    }
}
