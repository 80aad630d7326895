import Foundation
import TerminalKit

/// `L`: the log of every message, newest first, at its top.
func openMessageLog(_ state: inout AppState) {
    state.messages.isOpen = true
    state.messages.top = 0
}

/// Keys while the log is open: its actions (`MessageLogActions`); the wheel scrolls too.
func reduceMessageLogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let effects = MessageLogActions.all.dispatch(key, &state) { return effects }
    if case .mouse = key { return scrollMessageLog(&state, key) }
    return []
}

/// Scrolls by the key's step; `top` is clamped to what there is.
@Sendable func scrollMessageLog(_ state: inout AppState, _ key: Key) -> [Effect] {
    let page = max(1, state.size.height - 6)
    var top = state.messages.top
    switch key {
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
