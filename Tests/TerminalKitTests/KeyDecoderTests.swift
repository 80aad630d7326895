import Testing
@testable import TerminalKit

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(10), Key.enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (9, .tab), (0x15, .character("\u{15}")), (0x61, .character("a")), (0x4E2D, .character("中")),
    ])
    func characters(value: UInt32, expected: Key) {
        #expect(KeyDecoder.character(value) == expected)
    }

    /// ncurses key codes (octal, from curses.h).
    @Test(arguments: [
        (Int32(0o402), Key.down), (0o403, .up), (0o404, .left), (0o405, .right), (0o406, .home),
        (0o550, .end), (0o523, .pageUp), (0o522, .pageDown), (0o512, .delete), (0o407, .backspace),
        (0o527, .enter), (0o541, .backTab), (0o632, .resize), (0o411, .function(1)), (0o414, .function(4)),
        (0o513, .unknown(0o513)),
    ])
    func keyCodes(code: Int32, expected: Key) {
        #expect(KeyDecoder.keyCode(code) == expected)
    }

    @Test func printable() {
        #expect(Key.character("x").isPrintable)
        #expect(!Key.character("\u{15}").isPrintable)
        #expect(!Key.enter.isPrintable)
    }
}

@Suite struct MouseDecoderTests {
    @Test(arguments: [
        (MouseButtons.button1Pressed, MouseEvent.Kind?.some(.press)),
        (MouseButtons.button1Clicked, .press),
        (MouseButtons.button1Pressed | MouseButtons.shift, .press),
        (MouseButtons.wheelUp, .wheelUp),
        (MouseButtons.wheelDown, .wheelDown),
        (MouseButtons.wheelDown | MouseButtons.shift, .wheelDown),
        (MouseButtons.button1Released, nil),
        (MouseButtons.shift, nil),
        (0, nil),
    ])
    func decodesButtons(buttons: MouseButtons.Mask, expected: MouseEvent.Kind?) {
        let key = KeyDecoder.mouse(x: 7, y: 3, buttons: buttons)
        #expect(key == expected.map { Key.mouse(MouseEvent(x: 7, y: 3, kind: $0)) })
    }

    @Test func asksForPressesAndTheWheelOnly() {
        let wanted = [MouseButtons.button1Pressed, MouseButtons.button1Clicked, MouseButtons.wheelUp, MouseButtons.wheelDown]
        #expect(Set(wanted).count == 4 && !wanted.contains(0))
        #expect(wanted.allSatisfy { MouseButtons.reported & $0 == $0 })
        #expect(MouseButtons.reported & (MouseButtons.button1Released | MouseButtons.shift) == 0)
    }

    @Test func mouseIsNotText() {
        #expect(!Key.mouse(MouseEvent(x: 0, y: 0, kind: .press)).isPrintable)
    }

    // MARK: - Alt: ESC and the key right behind it, in one read

    @Test(arguments: [
        ([Key.escape, .character("b")], [Key.alt(.character("b"))]),
        ([.escape, .character("f")], [.alt(.character("f"))]),
        ([KeyDecoder.character(27), KeyDecoder.character(127)], [.alt(.backspace)]),
        ([.escape], [.escape]),
        ([.character("a"), .escape], [.character("a"), .escape]),
        ([.escape, .escape], [.escape, .escape]),
        ([.escape, .escape, .character("b")], [.escape, .alt(.character("b"))]),
        ([.escape, .resize], [.escape, .resize]),
        ([.escape, .character("b"), .character("c")], [.alt(.character("b")), .character("c")]),
        // An escape sequence curses did not know is dropped whole, not typed: Ctrl-Left, then x.
        ([.escape, .character("["), .character("1"), .character(";"), .character("5"), .character("D"), .character("x")],
         [.unknown(-1), .character("x")]),
        ([.escape, .character("O"), .character("P")], [.unknown(-1)]),
        // ESC [ with no final byte yet: Alt-[ and the rest as read.
        ([.escape, .character("["), .character("1")], [.alt(.character("[")), .character("1")]),
    ])
    func pairingAlt(read: [Key], expected: [Key]) {
        #expect(KeyDecoder.pairingAlt(read) == expected)
    }

    @Test func controlKeys() {
        #expect(Key.control("a") == .character("\u{01}"))
        #expect(Key.control("W") == .character("\u{17}"))
        #expect(Key.control("u") == Key.clearLine)
        #expect(!Key.control("k").isPrintable)
    }
}
