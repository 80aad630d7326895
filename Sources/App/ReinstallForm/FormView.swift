import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The form (or its review) is drawn whole off screen, then shown through the body's rows,
/// scrolled so the focused field (and under the button, its status and error) stays in view:
/// on a short terminal nothing is drawn over the jobs pane or the flash, and nothing is lost.
func drawForm(_ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ layout: Layout) {
    var tall = layout
    tall.bodyTop = 0
    let reviewing = form.isReviewing
    // The review fits itself to the rows it has (its request body scrolls).
    tall.bodyHeight = reviewing ? layout.bodyHeight : max(layout.bodyHeight, 64)
    var page = Screen(width: screen.width, height: max(tall.bodyHeight, 64))
    if case let .review(plan) = form.stage {
        drawFormReview(&page, state, form, plan, tall)
    } else {
        drawFormFields(&page, state, form, tall, visibleRows: layout.bodyHeight)
    }
    let lines = page.lines
    let used = (0..<page.height).last { !lines[$0].isEmpty }.map { $0 + 1 } ?? 0
    // A review taller than the rows (a tiny body) shows its end: the field and the whole error.
    let bottom = reviewing ? max(0, used - 1)
        : FormWindow.lastRowToShow(page, focusOnButton: form.focus == .submit, used: used,
                                   leftColumn: FormWindow.leftColumn(form, width: layout.width))
    let top = max(0, min(bottom + 1 - layout.bodyHeight, used - layout.bodyHeight))
    screen.cursor = nil
    screen.copyRows(of: page, from: top, to: layout.bodyTop, rows: layout.bodyHeight)
    // Arrows at the right edge say there is more of the form above or below.
    if top > 0 { screen.put("↑", x: layout.width - 1, y: layout.bodyTop, style: Style(bold: true)) }
    if top + layout.bodyHeight < used {
        screen.put("↓", x: layout.width - 1, y: layout.bodyTop + layout.bodyHeight - 1, style: Style(bold: true))
    }
}

/// The fields on the left, the live checklist (or the key pair picker) on the right. The page is
/// taller than the screen; the picker and the checklist are sized to the `visibleRows` the
/// operator sees, so the chosen pair and the checklist are not drawn below the window.
private func drawFormFields(
    _ screen: inout Screen, _ state: AppState, _ form: ReinstallForm, _ layout: Layout, visibleRows: Int
) {
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
    var top = pen.loginRow + 1  // under the login row, which may be as wide as the left column
    var rows = max(0, layout.bodyTop + layout.bodyHeight - top - 1)
    if form.focus == .keypair, let pairs = context.keypairs.value {
        // Half of what is in view, so that the chosen pair and the checklist under it are seen.
        let visible = max(0, layout.bodyTop + min(layout.bodyHeight, visibleRows) - top - 1)
        let pickerRows = min(form.keypair.matching(pairs).count, max(2, (visible - 3) / 2))
        drawKeypairPicker(&screen, form.keypair, pairs: pairs, current: form.server.keyName,
                          x: checkX, y: top, width: checkWidth, rows: pickerRows)
        top += pickerRows + 2
        rows = max(0, rows - pickerRows - 2)
    }
    screen.put("Checklist", x: checkX, y: top, style: Style(bold: true))
    let items = form.checklist(context).map { (label: $0.label, mark: $0.mark) }
    Checklist.draw(into: &screen, x: checkX, y: top + 1, width: checkWidth, rows: rows, items: items)
}

/// Which rows of the off-screen form must be in view.
enum FormWindow {
    /// Fields are drawn left of this column; the checklist and picker start right of it.
    static func leftColumn(_ form: ReinstallForm, width: Int) -> Int {
        1 + FormPen.columnWidth(form, width: width)
    }

    /// The row under the focused field (its hint or status), or on the button the last row
    /// drawn: its status and any error under it. Fields are left of `leftColumn`.
    static func lastRowToShow(_ page: Screen, focusOnButton: Bool, used: Int, leftColumn: Int) -> Int {
        if focusOnButton {
            let left = (0..<used).last { y in (0..<min(leftColumn, page.width)).contains { page[$0, y].text != " " } }
            return left ?? max(0, used - 1)
        }
        if let cursor = page.cursor { return cursor.y + 1 }
        // A field without a cursor (a choice, a checkbox) shows its focus reversed.
        let focused = (0..<used).first { y in (0..<min(leftColumn, page.width)).contains { page[$0, y].style.reverse } }
        return (focused ?? 0) + 1
    }
}
