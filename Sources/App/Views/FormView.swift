import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The reinstall form: fields on the left, the live checklist (or the key pair picker) on the
/// right; the review step replaces both once the fields are complete.
func drawForm(_ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ layout: Layout) {
    if case let .review(plan) = form.stage {
        drawFormReview(&screen, state, form, plan, layout)
        return
    }
    let context = formContext(state, form)
    var pen = FormPen(screen: screen, form: form, layout: layout)
    pen.title()
    pen.endpoint(context)
    pen.login(context)
    switch form.effectiveLogin(context) {
    case .keypair: pen.keypair(context)
    case .password: pen.passwords()
    case .userData: break
    }
    pen.options(context)
    pen.submitButton(context)
    screen = pen.screen

    // The right column: the checklist, under the key pair picker while a key pair is chosen (the
    // checklist stays in sight: it says what the choice changes).
    let checkX = 1 + pen.columnWidth + 2
    let checkWidth = layout.width - checkX - 1
    guard checkWidth >= 16 else { return }
    var top = layout.bodyTop + 6  // under the login row, which may be as wide as the left column
    var rows = max(0, layout.bodyTop + layout.bodyHeight - top - 1)
    if form.focus == .keypair, let pairs = context.keypairs.value {
        let pickerRows = min(form.keypair.matching(pairs).count, max(2, (rows - 3) / 2))
        drawKeypairPicker(&screen, form.keypair, pairs: pairs, current: form.server.keyName,
                          x: checkX, y: top, width: checkWidth, rows: pickerRows)
        top += pickerRows + 2
        rows = max(0, rows - pickerRows - 2)
    }
    screen.put("Checklist", x: checkX, y: top, style: Style(bold: true))
    let items = form.checklist(context).map { (label: $0.label, mark: $0.mark) }
    Checklist.draw(into: &screen, x: checkX, y: top + 1, width: checkWidth, items: Array(items.prefix(rows)))
}
