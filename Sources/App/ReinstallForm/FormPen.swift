import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Draws the form's fields top to bottom, keeping the current row, so each part is one small method.
struct FormPen {
    var screen: Screen
    let form: ReinstallForm
    let layout: Layout
    let left = 1
    var labelWidth: Int { Self.labelWidth }
    var row: Int
    /// The row the login choice is on: the checklist starts under it.
    private(set) var loginRow: Int

    /// Each field's label: the label column is as wide as the widest, and a gap.
    static let labels: [ReinstallForm.Field: String] = [
        .endpoint: "Endpoint", .login: "Login", .keypair: "Key pair", .password: "Password", .confirmation: "Confirm",
        .stopServer: "Stop first", .userData: "User data", .encrypt: "Encrypt", .cmkId: "CMK id", .byol: "BYOL",
    ]
    static let labelWidth = (labels.values.map { DisplayWidth.of($0) }.max() ?? 0) + 2

    var fieldX: Int { left + labelWidth }
    var columnWidth: Int { Self.columnWidth(form, width: layout.width) }

    /// Wide enough, where the checklist keeps 24 columns, for a 36-character CMK id to show whole
    /// in its field: the operator checks a pasted key id by eye.
    static func columnWidth(_ form: ReinstallForm, width: Int) -> Int {
        let usual = min(50, max(labelWidth + 24, width * 45 / 100))
        return form.options.encrypted ? max(usual, min(52, width - 28)) : usual
    }
    var fieldWidth: Int { max(10, columnWidth - labelWidth - 1) }
    let focusStyle = Style(reverse: true)

    init(screen: Screen, form: ReinstallForm, layout: Layout) {
        self.screen = screen
        self.form = form
        self.layout = layout
        row = layout.bodyTop
        loginRow = layout.bodyTop + 5
    }

    private mutating func label(_ field: ReinstallForm.Field) {
        screen.put(Self.labels[field] ?? "", x: left, y: row, style: form.focus == field ? Style(bold: true, underline: true) : Style(bold: true))
    }

    private func style(_ field: ReinstallForm.Field) -> Style { form.focus == field ? focusStyle : .plain }

    mutating func title() {
        let server = form.server
        var x = screen.put("Reinstall the OS of ", x: left, y: row, style: Style(bold: true))
        x += screen.put(DisplayWidth.truncate(server.name, to: 30), x: left + x, y: row, style: Style(color: .cyan, bold: true))
        let facts = "  \(server.status) · \(server.osType) · \(server.imageName)"
        screen.put(DisplayWidth.truncate(facts, to: max(0, layout.width - left - x - 1)), x: left + x, y: row, style: Style(dim: true))
        row += 1
        // Whole: a warning cut short could hide what matters.
        for line in form.warning.map({ DisplayWidth.wrapWhole("⚠ " + $0, to: layout.width - left - 1) }) ?? [""] {
            screen.put(line, x: left, y: row, style: Style(color: .yellow, bold: true))
            row += 1
        }
    }

    /// The endpoint decision and its evidence; ←/→ on it overrides the choice.
    mutating func endpoint(_ context: FormContext) {
        label(.endpoint)
        guard let decision = context.decision else {
            screen.put("reading the image…", x: fieldX, y: row, style: Style(dim: true))
            row += 3
            return
        }
        let unanswered = context.endpointUnanswered
        let api = unanswered ? "V1?" : decision.api.rawValue.uppercased()
        var x = fieldX + screen.put(api, x: fieldX, y: row, style: form.focus == .endpoint
                                    ? focusStyle : Style(color: unanswered ? .yellow : .cyan, bold: true))
        let path = " POST /\(decision.api.rawValue)/{project}/cloudservers/{id}/reinstallos"
        x += screen.put(DisplayWidth.truncate(path, to: max(0, layout.width - x - 1)), x: x, y: row)
        let sure = decision.confidence == .certain ? "" : decision.confidence == .likely ? " (likely)" : " (uncertain)"
        let reason = unanswered
            ? "←/→ choose v1 or v2 · " + decision.reason
            : decision.reason + sure + (form.focus != .endpoint ? ""
                : context.override == nil ? " · ←/→ confirm, again to switch" : " · ←/→ switch v1/v2")
        // Wrapped, never cut: the reason is the evidence for the choice.
        for line in DisplayWidth.wrapWhole(reason, to: layout.width - fieldX - 1) {
            row += 1
            screen.put(line, x: fieldX, y: row, style: unanswered ? Style(color: .yellow) : Style(dim: true))
        }
        row += 2
    }

    /// Login: exactly one of key pair, password and (v2 only) none, where the user data creates it.
    mutating func login(_ context: FormContext) {
        loginRow = row
        label(.login)
        let allowed = form.keypairAllowed(context)
        let login = form.effectiveLogin(context)
        if allowed.allowed {
            let names: [(ReinstallForm.LoginKind, String)] = [(.keypair, "Key pair"), (.password, "Password"), (.userData, "None")]
            let choices = form.loginChoices(context)
            var lx = fieldX
            for (kind, name) in names where choices.contains(kind) || kind == login {
                if lx > fieldX { lx += screen.put("  ", x: lx, y: row) }
                lx += screen.put((kind == login ? "(•) " : "( ) ") + name, x: lx, y: row,
                                 style: kind == login ? style(.login) : .plain)
            }
            if login == .userData { explain("none: the user data must create a login") }
        } else {
            screen.put("(•) Password only", x: fieldX, y: row, style: style(.login))
            explain("key pair unavailable: \(allowed.why ?? "")")
        }
        row += 2
    }

    /// Word-wrapped under the current field, in yellow: why a choice is not offered.
    private mutating func explain(_ text: String) {
        for line in DisplayWidth.wrapWhole(text, to: fieldWidth) {
            row += 1
            screen.put(line, x: fieldX, y: row, style: Style(color: .yellow))
        }
    }

    mutating func keypair(_ context: FormContext) {
        label(.keypair)
        let pairs = context.keypairs.value ?? []
        if let pair = form.selectedKeypair(context) {
            let current = pair.name == form.server.keyName ? " (current)" : ""
            let w = screen.put(DisplayWidth.truncate("◂ \(pair.name) ▸\(current)", to: fieldWidth), x: fieldX, y: row,
                               style: style(.keypair))
            if let print = pair.fingerprint {
                screen.put(DisplayWidth.truncate(print, to: max(0, fieldWidth - w - 1)), x: fieldX + w + 1, y: row, style: Style(dim: true))
            }
        } else {
            let text = context.keypairs == .loading ? "loading…" : pairs.isEmpty ? "none available"
                : form.keypair.filter.text.isEmpty ? "◂ none chosen ▸" : "no match"
            screen.put(text, x: fieldX, y: row, style: form.focus == .keypair ? focusStyle : Style(dim: true))
        }
        if !form.keypair.filter.text.isEmpty {
            let cut = form.keypair.filter.overflowed ? ", cut at \(form.keypair.filter.maxLength) characters" : ""
            let shown = "filter: \(form.keypair.filter.text) (\(form.keypair.matching(pairs).count) of \(pairs.count)\(cut))"
            screen.put(DisplayWidth.truncate(shown, to: fieldWidth), x: fieldX, y: row + 1, style: Style(dim: true))
        }
        row += 2
    }

    mutating func passwords() {
        for (field, text) in [(ReinstallForm.Field.password, form.password), (.confirmation, form.confirmation)] {
            textField(field, text)
        }
        if form.focus == .password || form.focus == .confirmation {
            screen.put(form.revealed ? "^R hide" : "^R reveal", x: fieldX, y: row, style: Style(dim: true))
        }
        row += 1
    }

    private mutating func textField(_ field: ReinstallForm.Field, _ text: some DrawableField) {
        label(field)
        screen.put("[" + String(repeating: " ", count: fieldWidth - 2) + "]", x: fieldX, y: row, style: Style(dim: true))
        let cursorX = text.draw(into: &screen, x: fieldX + 1, y: row, width: fieldWidth - 2,
                                style: form.focus == field ? Style(underline: true) : .plain)
        if form.focus == field { screen.cursor = CursorPosition(x: cursorX, y: row) }
        row += 1
    }

    private mutating func checkbox(_ field: ReinstallForm.Field, _ on: Bool, _ note: String) {
        label(field)
        screen.put(on ? "[x]" : "[ ]", x: fieldX, y: row, style: style(field))
        for line in DisplayWidth.wrapWhole(note, to: fieldWidth - 4) {
            screen.put(line, x: fieldX + 4, y: row, style: Style(dim: true))
            row += 1
        }
    }

    /// Stop first, then the options, packed one per row so the form fits 80×24.
    mutating func options(_ context: FormContext) {
        if form.server.isRunning {
            checkbox(.stopServer, form.withStopServer, "running: stop first")
        }
        if form.onV2(context) {
            textField(.userData, form.options.userDataPath)
            userDataStatus(context)
        }
        checkbox(.encrypt, form.options.encrypted, "system disk (KMS)")
        if form.options.encrypted {
            textField(.cmkId, form.options.cmkId)
        }
        if form.fields(context).contains(.byol) {
            checkbox(.byol, form.options.byol, "bring your own licence")
        }
        row += 1
    }

    /// Under the path: the first lines of the file, or where reading it stands.
    private mutating func userDataStatus(_ context: FormContext) {
        guard form.usesUserData(context) else { return }
        let lines: [String]
        var style = Style(dim: true)
        switch form.options.userData {
        case _ where form.options.userDataHint != nil && form.focus == .userData:
            // The matches of a second Tab: wrapped, so that a few names fit the narrow column.
            lines = Array(DisplayWidth.wrap(form.options.userDataHint ?? "", to: fieldWidth).prefix(2))
        case _ where form.options.userDataPath.overflowed:
            lines = DisplayWidth.wrapWhole("path cut at \(form.options.userDataPath.maxLength) characters: longer than any path",
                                           to: fieldWidth)
            style = Style(color: .red)
        case let .loaded(data) where data.path == form.options.userDataPathText:
            // A preview of the file: its lines are cut, the file is not.
            lines = data.preview(lines: 2).map { DisplayWidth.truncate("│ " + $0, to: fieldWidth) }
        case let .failed(path, message) where path == form.options.userDataPathText:
            lines = DisplayWidth.wrapWhole(message, to: fieldWidth)
            style = Style(color: .red)
        case let .reading(path) where path == form.options.userDataPathText:
            lines = ["reading…"]
        default:
            lines = DisplayWidth.wrapWhole("Enter reads the file (text or gzip, ≤ 32 KB) · Tab completes", to: fieldWidth)
        }
        for line in lines {
            screen.put(line, x: fieldX, y: row, style: style)
            row += 1
        }
    }

    mutating func submitButton(_ context: FormContext) {
        let ready = form.canSubmit(context)
        let button = "[ Reinstall \(form.server.name) ]"
        var buttonStyle = ready ? Style(color: .red, bold: true) : Style(dim: true)
        if form.focus == .submit { buttonStyle.reverse = true }
        let width = columnWidth - labelWidth
        screen.put(DisplayWidth.truncate(button, to: width), x: fieldX, y: row, style: buttonStyle)
        let hint = ready ? "Enter: review what will be sent" : "complete the checklist first"
        var y = row + 1
        for line in DisplayWidth.wrapWhole(hint, to: width) {
            screen.put(line, x: fieldX, y: y, style: Style(dim: true))
            y += 1
        }
        if let error = form.error {
            // Every line that fits above the job panes: an advice cut short could hide what not to do.
            let room = max(2, layout.bodyTop + layout.bodyHeight - y)
            for (offset, line) in DisplayWidth.wrapWhole(error, to: layout.width - left - 1).prefix(room).enumerated() {
                screen.put(line, x: left, y: y + offset, style: Style(color: .red, bold: true))
            }
        }
    }
}
