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
            if key == .escape, let end = unknownSequenceEnd(keys, from: index) {
                // A sequence curses did not know (Ctrl-Left under some TERMs: ESC [ 1 ; 5 D):
                // dropped whole, never typed into a field, least of all a masked one.
                result.append(.unknown(-1))
                index = end
            } else if key == .escape, let next, pairsWithEscape(next) {
                result.append(.alt(next))
                index += 2
            } else {
                result.append(key)
                index += 1
            }
        }
        return result
    }

    /// Where the escape sequence starting at the ESC at `start` ends (the index after it), when
    /// the ESC is followed by `[` (CSI: parameters and intermediates 0x20–0x3F, then a final
    /// byte 0x40–0x7E) or `O` (SS3: one more character); nil otherwise.
    private static func unknownSequenceEnd(_ keys: [Key], from start: Int) -> Int? {
        func byte(_ index: Int) -> UInt32? {
            guard index < keys.endIndex, case let .character(c) = keys[index], c.unicodeScalars.count == 1 else { return nil }
            return c.unicodeScalars.first?.value
        }
        switch byte(start + 1) {
        case 0x4F?:  // O
            guard let final = byte(start + 2), (0x40...0x7E).contains(final) else { return nil }
            return start + 3
        case 0x5B?:  // [
            var index = start + 2
            while let value = byte(index), (0x20...0x3F).contains(value) { index += 1 }
            guard let final = byte(index), (0x40...0x7E).contains(final) else { return nil }
            return index + 1
        default:
            return nil
        }
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
