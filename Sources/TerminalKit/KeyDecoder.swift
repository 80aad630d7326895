import CNcursesw

/// Maps what `wget_wch` returns to `Key`. Pure, so the mapping is testable without a terminal.
public enum KeyDecoder {
    /// A character read with status OK: control characters become their named keys.
    public static func character(_ value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }

    /// Pairs ESC with the key read right after it into `.alt(key)`: terminals send Alt+key as ESC
    /// then the key, in one write. `keys` is one batch read without waiting, and curses returns a
    /// lone ESC only after `ESCDELAY` passed with nothing behind it; so an ESC followed by another
    /// key in the same batch came within that delay, which no hand pressing Esc then a key does.
    /// A lone ESC (or one before a resize, a mouse report or another ESC) stays `.escape`.
    public static func pairingAlt(_ keys: [Key]) -> [Key] {
        var result: [Key] = []
        result.reserveCapacity(keys.count)
        var index = keys.startIndex
        while index < keys.endIndex {
            let key = keys[index]
            let next = index + 1 < keys.endIndex ? keys[index + 1] : nil
            if key == .escape, let next, pairsWithEscape(next) {
                result.append(.alt(next))
                index += 2
            } else {
                result.append(key)
                index += 1
            }
        }
        return result
    }

    private static func pairsWithEscape(_ key: Key) -> Bool {
        switch key {
        case .escape, .resize, .mouse, .alt, .unknown: false
        default: true
        }
    }

    /// A function-key code read with status KEY_CODE_YES.
    static func keyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }

    /// A mouse report from `getmouse`: the button bits decide the kind; modifier keys are ignored.
    /// - Returns: nil for events we do not handle (releases, motion, other buttons).
    static func mouse(x: Int, y: Int, buttons: MouseButtons.Mask) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & (MouseButtons.button1Pressed | MouseButtons.button1Clicked) != 0 {
            kind = .press
        } else if buttons & MouseButtons.wheelUp != 0 {
            kind = .wheelUp
        } else if buttons & MouseButtons.wheelDown != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return .mouse(MouseEvent(x: x, y: y, kind: kind))
    }
}
