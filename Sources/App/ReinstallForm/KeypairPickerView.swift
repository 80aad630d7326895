import HuaweiCloud
import TerminalKit

/// The key pair list beside the form while the key pair field has the focus: name, type and
/// fingerprint of each pair matching the filter, the chosen one in reverse video.
func drawKeypairPicker(_ screen: inout Screen, _ picker: KeypairPicker, pairs: [Keypair], current: String?,
                       x: Int, y: Int, width: Int, rows: Int) {
    let shown = picker.matching(pairs)
    let filter = picker.filter.text.isEmpty ? "type to filter" : "filter: \(picker.filter.text)"
    screen.put(DisplayWidth.truncate("Key pairs (\(shown.count)) · \(filter)", to: width), x: x, y: y, style: Style(bold: true))
    let chosen = picker.selected(pairs)?.name
    let nameWidth = min(18, max(8, width / 3))
    let typeWidth = 6
    // Scrolled so that the chosen pair is in sight.
    let chosenIndex = shown.firstIndex { $0.name == chosen } ?? 0
    let first = max(0, min(chosenIndex - max(0, rows) + 1, shown.count - max(0, rows)))
    for (offset, pair) in shown.dropFirst(first).prefix(max(0, rows)).enumerated() {
        // The server's own key is marked, so choosing another one is a decision, not an accident.
        let line = DisplayWidth.fit(pair.name, to: nameWidth) + " " + DisplayWidth.fit(pair.type ?? "-", to: typeWidth)
            + " " + (pair.name == current ? "(current) " : "") + (pair.fingerprint ?? "")
        screen.put(DisplayWidth.truncate(line, to: width), x: x, y: y + 1 + offset,
                   style: pair.name == chosen ? Style(reverse: true) : .plain)
    }
}
