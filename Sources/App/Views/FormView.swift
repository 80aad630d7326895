import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The reinstall form: fields on the left, the live checklist on the right.
func drawForm(_ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ layout: Layout) {
    let context = formContext(state, form)
    let top = layout.bodyTop
    let left = 1
    let labelWidth = 12
    let fieldX = left + labelWidth
    let columnWidth = min(50, max(36, layout.width * 45 / 100))
    let fieldWidth = max(10, columnWidth - labelWidth - 1)
    let server = form.server

    var x = screen.put("Reinstall the OS of ", x: left, y: top, style: Style(bold: true))
    x += screen.put(DisplayWidth.truncate(server.name, to: 30), x: left + x, y: top, style: Style(color: .cyan, bold: true))
    let facts = "  \(server.status) · \(server.osType) · \(server.imageName)"
    screen.put(DisplayWidth.truncate(facts, to: max(0, layout.width - left - x - 1)), x: left + x, y: top, style: Style(dim: true))

    // The endpoint decision and its evidence.
    var row = top + 2
    screen.put("Endpoint", x: left, y: row, style: Style(bold: true))
    if let decision = context.decision {
        let path = "POST /\(decision.api.rawValue)/{project}/cloudservers/{id}/reinstallos"
        screen.put(decision.api.rawValue.uppercased(), x: fieldX, y: row, style: Style(color: .cyan, bold: true))
        screen.put(DisplayWidth.truncate(path, to: layout.width - fieldX - 4), x: fieldX + 3, y: row)
        let sure = decision.confidence == .certain ? "" : decision.confidence == .likely ? " (likely)" : " (uncertain)"
        screen.put(DisplayWidth.truncate(decision.reason + sure, to: layout.width - fieldX - 1), x: fieldX, y: row + 1, style: Style(dim: true))
    } else {
        screen.put("reading the image…", x: fieldX, y: row, style: Style(dim: true))
    }

    row += 3
    let focusStyle = Style(reverse: true)
    func label(_ text: String, _ field: ReinstallForm.Field) {
        screen.put(text, x: left, y: row, style: form.focus == field ? Style(bold: true, underline: true) : Style(bold: true))
    }

    // Login: exactly one of key pair and password.
    label("Login", .login)
    let allowed = form.keypairAllowed(context)
    let login = form.effectiveLogin(context)
    if allowed.allowed {
        let keyText = login == .keypair ? "(•) Key pair" : "( ) Key pair"
        let passText = login == .password ? "(•) Password" : "( ) Password"
        let style = form.focus == .login ? focusStyle : Style.plain
        var lx = fieldX + screen.put(keyText, x: fieldX, y: row, style: login == .keypair ? style : .plain)
        lx += screen.put("   ", x: lx, y: row)
        screen.put(passText, x: lx, y: row, style: login == .password ? style : .plain)
    } else {
        screen.put("(•) Password only", x: fieldX, y: row, style: form.focus == .login ? focusStyle : .plain)
        // Why the key pair is unavailable, word-wrapped under the choice.
        for line in wrap("key pair unavailable: \(allowed.why ?? "")", width: fieldWidth).prefix(3) {
            row += 1
            screen.put(line, x: fieldX, y: row, style: Style(color: .yellow))
        }
    }
    row += 2

    if login == .keypair {
        label("Key pair", .keypair)
        if let pair = form.selectedKeypair(context) {
            let text = "◂ \(pair.name) ▸"
            let w = screen.put(DisplayWidth.truncate(text, to: fieldWidth), x: fieldX, y: row,
                               style: form.focus == .keypair ? focusStyle : .plain)
            if let print = pair.fingerprint {
                screen.put(DisplayWidth.truncate(print, to: max(0, fieldWidth - w - 1)), x: fieldX + w + 1, y: row, style: Style(dim: true))
            }
        } else {
            screen.put(context.keypairs == .loading ? "loading…" : "none available", x: fieldX, y: row, style: Style(dim: true))
        }
        row += 2
    } else {
        for (field, name, text) in [(ReinstallForm.Field.password, "Password", form.password),
                                    (.confirmation, "Confirm", form.confirmation)] {
            label(name, field)
            screen.put("[" + String(repeating: " ", count: fieldWidth - 2) + "]", x: fieldX, y: row, style: Style(dim: true))
            let cursorX = text.draw(into: &screen, x: fieldX + 1, y: row, width: fieldWidth - 2,
                                    style: form.focus == field ? Style(underline: true) : .plain)
            if form.focus == field { screen.cursor = CursorPosition(x: cursorX, y: row) }
            row += 1
        }
        row += 1
    }

    if server.isRunning {
        label("Stop first", .stopServer)
        let box = form.withStopServer ? "[x]" : "[ ]"
        screen.put(box, x: fieldX, y: row, style: form.focus == .stopServer ? focusStyle : .plain)
        screen.put(DisplayWidth.truncate("running: stop it first", to: fieldWidth - 4),
                   x: fieldX + 4, y: row, style: Style(dim: true))
        row += 2
    }

    let ready = form.canSubmit(context)
    let button = form.submitting ? "[ Submitting… ]" : "[ Reinstall \(server.name) ]"
    var buttonStyle = ready ? Style(color: .red, bold: true) : Style(dim: true)
    if form.focus == .submit { buttonStyle.reverse = true }
    screen.put(DisplayWidth.truncate(button, to: columnWidth), x: fieldX, y: row, style: buttonStyle)
    if !ready && !form.submitting {
        screen.put("complete the checklist first", x: fieldX, y: row + 1, style: Style(dim: true))
    }
    if let error = form.error {
        screen.put(DisplayWidth.truncate(error, to: columnWidth), x: left, y: row + 2, style: Style(color: .red, bold: true))
    }

    // The checklist, re-evaluated on every keystroke.
    let checkX = left + columnWidth + 2
    let checkWidth = layout.width - checkX - 1
    guard checkWidth >= 16 else { return }
    screen.put("Checklist", x: checkX, y: top + 5, style: Style(bold: true))
    let items = form.checklist(context).map { (label: $0.label, mark: $0.mark) }
    Checklist.draw(into: &screen, x: checkX, y: top + 6, width: checkWidth,
                   items: Array(items.prefix(max(0, layout.bodyHeight - 6))))
}

/// Splits text at spaces into lines of at most `width` columns (a longer word is truncated).
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if DisplayWidth.of(candidate) <= width || current.isEmpty {
            current = candidate
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { DisplayWidth.truncate($0, to: width) }
}
