import Foundation
import TerminalKit

/// `L`: every message of the session, newest first, each with its local time and wrapped whole,
/// in an overlay that scrolls.
func drawMessageLog(_ screen: inout Screen, _ state: AppState) {
    let all = MessageLogView.lines(state)
    let rows = MessageLogView.rows(state)
    // From the lines already wrapped: maxTop would wrap every message again.
    let top = min(state.messages.top, max(0, all.count - rows))
    var shown = Array(all.dropFirst(top).prefix(rows))
    if shown.isEmpty { shown = [[TextSpan("No messages yet.", style: Style(dim: true))]] }
    // Padded to the full width so the overlay does not change size as it scrolls.
    shown[0].append(TextSpan(String(repeating: " ", count: max(0, MessageLogView.width(state) - spanWidth(shown[0])))))
    let position = all.count > rows ? "  · lines \(top + 1)–\(min(all.count, top + rows)) of \(all.count)" : ""
    // The overlay may cover the footer row: its own footer holds the same hints, from its actions.
    let hints = footerSpans(.messageLog, state, width: MessageLogView.width(state) - DisplayWidth.of(position))
    Dialog.draw(into: &screen, title: "Messages, newest first (\(state.messages.entries.count))", lines: shown,
                footer: hints + [TextSpan(position, style: Style(dim: true))], glyphs: state.glyphs)
}

private func spanWidth(_ spans: [TextSpan]) -> Int {
    spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
}

enum MessageLogView {
    /// Text columns inside the frame and its padding.
    static func width(_ state: AppState) -> Int { max(20, state.size.width - 6) }

    /// Lines of messages that fit: the frame and the footer with its blank line take four rows.
    static func rows(_ state: AppState) -> Int { max(1, state.size.height - 4) }

    static func maxTop(_ state: AppState) -> Int { max(0, lines(state).count - rows(state)) }

    /// Each message as `08:00:01  text`, wrapped under its text.
    static func lines(_ state: AppState) -> [[TextSpan]] {
        let clock = 10
        let room = max(8, width(state) - clock)
        let time = ClockText(state.timeZone)
        return state.messages.entries.reversed().flatMap { entry -> [[TextSpan]] in
            let style = entry.kind == .error ? Style(color: .red) : .plain
            let text = DisplayWidth.wrapWhole(TerminalText.visible(entry.text), to: room)
            return text.enumerated().map { offset, line in
                [TextSpan(DisplayWidth.fit(offset == 0 ? time.time(entry.at) : "", to: clock), style: Style(dim: true)),
                 TextSpan(line, style: style)]
            }
        }
    }
}
