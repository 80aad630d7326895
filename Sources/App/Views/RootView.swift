import Foundation
import HuaweiCloud
import TerminalKit

/// Draws the whole state into a screen-sized grid. Pure: the same state gives the same cells.
package func render(_ state: AppState) -> Screen {
    var screen = Screen(width: max(1, state.size.width), height: max(1, state.size.height))
    guard Layout.fits(state.size) else {
        drawTooSmall(&screen, state)
        return screen
    }
    let layout = Layout(state)
    drawHeader(&screen, state)
    if let form = state.form {
        drawForm(&screen, state, form, layout)
    } else if state.showHistory {
        drawHistory(&screen, state, layout)
    } else {
        drawServerList(&screen, state, layout)
    }
    drawJobPanes(&screen, state, layout)
    drawJournalNotice(&screen, layout)
    drawSubmissionAdvice(&screen, layout)
    drawFlash(&screen, state, layout)
    drawFooter(&screen, state, layout)
    if state.jobsPane.detailsOpen { drawJobDetails(&screen, state) }
    if state.messages.isOpen { drawMessageLog(&screen, state) }
    if let picker = state.scopePicker { drawScopePicker(&screen, state, picker) }
    if state.showHelp { drawHelp(&screen, state) }
    return screen
}

private func drawTooSmall(_ screen: inout Screen, _ state: AppState) {
    let size = state.size
    // The quit question first, whole: it says what leaving leaves running, and a tiny window
    // may have no row for more.
    // So is why `q` does not quit yet (a reinstall being sent).
    var question: [String] = []
    if let flash = state.flash, state.askingToQuit || flash.kind == .error {
        question = DisplayWidth.wrapWhole(flash.text, to: max(1, size.width))
    }
    for (offset, line) in question.enumerated() {
        screen.put(line, x: 0, y: offset, style: Style(color: .red, bold: true))
    }
    let lines = [
        "Terminal too small (need \(Layout.minimumWidth)×\(Layout.minimumHeight))",
        "have \(size.width)×\(size.height): enlarge the window",
        ListActions.quitAvailability(state) == .enabled ? "q quits" : "q quits once the cloud answers",
    ]
    for (offset, line) in lines.enumerated() {
        screen.put(line, x: 0, y: question.count + offset, style: offset == 0 ? Style(bold: true) : .plain)
    }
}

private func drawHeader(_ screen: inout Screen, _ state: AppState) {
    let bar = Style(reverse: true)
    screen.put(String(repeating: " ", count: screen.width), x: 0, y: 0, style: bar)
    var x = screen.put(" ecs-reinstall ", x: 0, y: 0, style: Style(bold: true, reverse: true))
    switch state.mode {
    case .demo:
        x += screen.put(" DEMO — simulated cloud ", x: x, y: 0, style: Style(color: .yellow, bold: true, reverse: true))
    case .real:
        // Bold, not coloured: a real account must stand out on a monochrome terminal too. An
        // overridden endpoint takes the public cloud's place: a gateway is not Huawei Cloud.
        let cloud = state.endpointHost.map { "→ " + DisplayWidth.truncateMiddle($0, to: 32) } ?? "— Huawei Cloud"
        x += screen.put(" REAL \(cloud) ", x: x, y: 0, style: Style(bold: true, reverse: true))
    }
    let project = state.projectId.count > 12 ? String(state.projectId.prefix(8)) + "…" : state.projectId
    // A narrowed list says so, or servers of other enterprise projects would seem gone.
    let narrowed = state.enterpriseProject.map { id in
        " · EP " + (id.count > 12 ? String(id.prefix(8)) + "…" : EnterpriseProjectScope.displayName(id))
    } ?? ""
    // A subproject by its name, which names its region too.
    let scope = ScopeText.label(state.scope)
    var account = " \(scope) · project \(project)\(narrowed)"
    if state.mode == .real, !state.credentialSource.isEmpty {
        // Where the keys came from, after the region; short of room, the word "project" goes
        // first, then the project (the source says more about which account this is).
        let source = " \(scope) · \(state.credentialSource)"
        account = [source + " · project \(project)\(narrowed)", source + " · \(project)\(narrowed)", source + narrowed, source]
            .first { x + DisplayWidth.of($0) <= screen.width } ?? source
    }
    screen.put(DisplayWidth.truncate(account, to: max(0, screen.width - x)), x: x, y: 0, style: bar)
}

/// The journal's problem stays on screen: a job that will not resume after a restart, or a
/// journal file moved aside, must not scroll away with the next piece of news.
private func drawJournalNotice(_ screen: inout Screen, _ layout: Layout) {
    screen.fill(x: 0, y: layout.noticeTop, width: layout.width, height: layout.notice.count)
    for (offset, line) in layout.notice.enumerated() {
        screen.put(" " + line, x: 0, y: layout.noticeTop + offset, style: Style(color: .yellow, bold: true))
    }
}

/// What to do (and not do) about an unclear submission stays on screen, whole, until the
/// server's status settles it.
private func drawSubmissionAdvice(_ screen: inout Screen, _ layout: Layout) {
    screen.fill(x: 0, y: max(layout.bodyTop, layout.adviceTop), width: layout.width,
                height: layout.noticeTop - max(layout.bodyTop, layout.adviceTop))
    for (offset, line) in layout.advice.enumerated() where layout.adviceTop + offset >= layout.bodyTop {
        screen.put(" " + line, x: 0, y: layout.adviceTop + offset, style: Style(color: .yellow, bold: true))
    }
}

/// The flash, wrapped on the rows the layout gave it; its rows are cleared first.
private func drawFlash(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    screen.fill(x: 0, y: layout.flashRow, width: layout.width, height: layout.footerRow - layout.flashRow)
    guard let flash = state.flash else { return }
    let style = flash.kind == .error ? Style(color: .red, bold: true) : Style(color: .green)
    for (offset, line) in layout.flash.enumerated() {
        screen.put(" " + line, x: 0, y: layout.flashRow + offset, style: style)
    }
}
