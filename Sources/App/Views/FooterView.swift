import TerminalKit

/// A mode's hints, from its actions (`Action.footer`): `Enter reinstall  / filter  …  ? help  q quit`.
/// One that cannot run now is dimmed and its key bracketed (for terminals without dim). When the
/// room is short, hints drop from the end of the middle: the last two (help, the way back) stay.
func footerSpans(_ mode: Mode, _ state: AppState, width: Int) -> [TextSpan] {
    var hints: [(key: String, text: String, enabled: Bool)] = mode.actions(state).compactMap { action in
        guard let footer = action.footer else { return nil }
        let parts = footer.split(separator: " ", maxSplits: 1).map(String.init)
        let enabled = action.availability(state) == .enabled
        return (enabled ? parts[0] : "(\(parts[0]))", parts.count > 1 ? " " + parts[1] : "", enabled)
    }
    let spacing = 2
    func total() -> Int { hints.reduce(0) { $0 + DisplayWidth.of($1.key + $1.text) } + spacing * max(0, hints.count - 1) }
    while total() > width, hints.count > 2 { hints.remove(at: hints.count - 3) }
    var spans: [TextSpan] = []
    for (index, hint) in hints.enumerated() {
        if index > 0 { spans.append(TextSpan(String(repeating: " ", count: spacing))) }
        spans.append(TextSpan(hint.key, style: hint.enabled ? Style(bold: true) : Style(dim: true)))
        spans.append(TextSpan(hint.text, style: Style(dim: true)))
    }
    return spans
}

/// The bottom line: the hints of the mode that has the keys.
func drawFooter(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    screen.fill(x: 0, y: layout.footerRow, width: layout.width, height: 1)
    var x = 1
    for span in footerSpans(Mode.of(state), state, width: layout.width - 2) {
        x += screen.put(span.text, x: x, y: layout.footerRow, maxWidth: max(0, layout.width - x), style: span.style)
    }
}

/// `?`: every action of the mode it was opened from, its keys, what it does, why it cannot run now.
func drawHelp(_ screen: inout Screen, _ state: AppState) {
    let mode = Mode.beneathHelp(state)
    let actions = mode.actions(state)
    let keyWidth = actions.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
    let lines: [[TextSpan]] = actions.map { action in
        var spans = [
            TextSpan(DisplayWidth.fit(action.keyLabel, to: keyWidth) + "  ", style: Style(bold: true)),
            TextSpan(action.label),
        ]
        if action.dangerous { spans.append(TextSpan("  ⚠ changes the cloud", style: Style(color: .yellow))) }
        if case let .disabled(why) = action.availability(state) {
            spans.append(TextSpan("  — not now: \(why)", style: Style(dim: true)))
        }
        return spans
    }
    Dialog.draw(into: &screen, title: "Keys of \(mode.title)", lines: lines,
                footer: footerSpans(.help, state, width: max(0, screen.width - 4)), glyphs: state.glyphs)
}
