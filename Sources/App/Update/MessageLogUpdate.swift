import Foundation
import TerminalKit

/// `L`: the log of every message, newest first, at its top.
func openMessageLog(_ state: inout AppState) {
    state.messages.isOpen = true
    state.messages.top = 0
}

/// Keys while the log is open: it scrolls (the view clamps `top` to what there is); Esc closes.
func reduceMessageLogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let page = max(1, state.size.height - 6)
    var top = state.messages.top
    switch key {
    case .escape, .character("L"), .character("q"), .enter:
        state.messages.isOpen = false
        return []
    case .down, .character("j"): top += 1
    case .up, .character("k"): top -= 1
    case .pageDown, .character(" "), .character("\u{06}"): top += page
    case .pageUp, .character("\u{02}"): top -= page
    case .home, .character("g"): top = 0
    case .end, .character("G"): top = Int.max / 2
    case let .mouse(event) where event.kind == .wheelDown: top += 3
    case let .mouse(event) where event.kind == .wheelUp: top -= 3
    default: break
    }
    state.messages.top = min(max(0, top), MessageLogView.maxTop(state))
    return []
}
