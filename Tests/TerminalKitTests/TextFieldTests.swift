import Testing
import TerminalKit

@Suite struct TextFieldTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let cursor: Int
        let key: Key
        let expectedText: String
        let expectedCursor: Int
        let consumed: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Edit(name: "insert at end", text: "ab", cursor: 2, key: .character("c"), expectedText: "abc", expectedCursor: 3, consumed: true),
        Edit(name: "insert in middle", text: "ac", cursor: 1, key: .character("b"), expectedText: "abc", expectedCursor: 2, consumed: true),
        Edit(name: "insert CJK", text: "a", cursor: 1, key: .character("中"), expectedText: "a中", expectedCursor: 2, consumed: true),
        Edit(name: "backspace", text: "abc", cursor: 2, key: .backspace, expectedText: "ac", expectedCursor: 1, consumed: true),
        Edit(name: "backspace at 0", text: "abc", cursor: 0, key: .backspace, expectedText: "abc", expectedCursor: 0, consumed: true),
        Edit(name: "delete", text: "abc", cursor: 1, key: .delete, expectedText: "ac", expectedCursor: 1, consumed: true),
        Edit(name: "delete at end", text: "abc", cursor: 3, key: .delete, expectedText: "abc", expectedCursor: 3, consumed: true),
        Edit(name: "left", text: "abc", cursor: 2, key: .left, expectedText: "abc", expectedCursor: 1, consumed: true),
        Edit(name: "left at 0", text: "abc", cursor: 0, key: .left, expectedText: "abc", expectedCursor: 0, consumed: true),
        Edit(name: "right", text: "abc", cursor: 1, key: .right, expectedText: "abc", expectedCursor: 2, consumed: true),
        Edit(name: "right at end", text: "abc", cursor: 3, key: .right, expectedText: "abc", expectedCursor: 3, consumed: true),
        Edit(name: "home", text: "abc", cursor: 2, key: .home, expectedText: "abc", expectedCursor: 0, consumed: true),
        Edit(name: "end", text: "abc", cursor: 0, key: .end, expectedText: "abc", expectedCursor: 3, consumed: true),
        Edit(name: "ctrl-u at the end clears", text: "secret", cursor: 6, key: .character("\u{15}"), expectedText: "", expectedCursor: 0, consumed: true),
        Edit(name: "unbound control char ignored", text: "ab", cursor: 2, key: .character("\u{7}"), expectedText: "ab", expectedCursor: 2, consumed: false),
        Edit(name: "enter not consumed", text: "ab", cursor: 2, key: .enter, expectedText: "ab", expectedCursor: 2, consumed: false),
        Edit(name: "up not consumed", text: "ab", cursor: 1, key: .up, expectedText: "ab", expectedCursor: 1, consumed: false),
        Edit(name: "tab not consumed", text: "ab", cursor: 1, key: .tab, expectedText: "ab", expectedCursor: 1, consumed: false),
    ])
    func apply(edit: Edit) {
        var field = TextField(text: edit.text)
        field.cursor = edit.cursor
        let consumed = field.apply(edit.key)
        #expect(consumed == edit.consumed)
        #expect(field.text == edit.expectedText)
        #expect(field.cursor == edit.expectedCursor)
    }

    @Test func newFieldPutsCursorAtEnd() {
        #expect(TextField(text: "abc").cursor == 3)
        #expect(TextField().cursor == 0)
    }

    @Test func clearEmptiesTheField() {
        var field = TextField(text: String(repeating: "long secret ", count: 4), masked: true)
        field.clear()
        #expect(field.text.isEmpty)
        #expect(field.cursor == 0)
        #expect(field.masked)
    }

    @Test func drawShowsTextAndReturnsCursorColumn() {
        var screen = Screen(width: 12, height: 1)
        var field = TextField(text: "ab中")
        field.cursor = 2
        let cursorX = field.draw(into: &screen, x: 2, y: 0, width: 8, style: Style(underline: true))
        #expect(screen.lines == ["  ab中"])
        #expect(cursorX == 4)
        #expect(screen[9, 0].style == Style(underline: true))  // the whole field is styled
        #expect(screen[10, 0].style == .plain)
        #expect(screen.cursor == nil)
    }

    @Test func maskedDrawingShowsBulletsNotText() {
        var screen = Screen(width: 10, height: 1)
        let field = TextField(text: "pa中s", masked: true)
        let cursorX = field.draw(into: &screen, x: 0, y: 0, width: 10, style: .plain)
        #expect(screen.lines == ["••••"])
        #expect(cursorX == 4)
        #expect(!screen.lines.joined().contains("p"))
    }

    /// (text, cursor, visible line, cursor column) in a 5-column field.
    @Test(arguments: [
        ("abcdefgh", 8, "efgh", 4),  // cursor at end needs a free cell after the text
        ("abcdefgh", 0, "abcde", 0),
        ("abcdefgh", 4, "abcde", 4),
        ("abcdefgh", 5, "bcdef", 4),
        ("中文字文", 4, "字文", 4),  // wide characters scroll a whole character at a time
        ("中文字文", 1, "中文", 2),
    ])
    func horizontalScroll(text: String, cursor: Int, visible: String, cursorX: Int) {
        var screen = Screen(width: 5, height: 1)
        var field = TextField(text: text)
        field.cursor = cursor
        let x = field.draw(into: &screen, x: 0, y: 0, width: 5, style: .plain)
        #expect(screen.lines == [visible])
        #expect(x == cursorX)
    }
}

@Suite struct TextFieldCapTests {
    @Test func aFullFieldRefusesMoreAndSaysSo() {
        var field = TextField(maxLength: 5)
        for character in "abcdefgh" {
            let consumed = field.apply(.character(character))
            #expect(consumed, "a refused character is still consumed")
        }
        #expect(field.text == "abcde")
        #expect(field.count == 5 && field.cursor == 5)
        #expect(field.overflowed)
        // Making room forgets the overflow; the next character fits again.
        _ = field.apply(.backspace)
        #expect(!field.overflowed && field.text == "abcd")
        _ = field.apply(.character("z"))
        #expect(field.text == "abcdz" && !field.overflowed)
        field.clear()
        #expect(field.count == 0 && !field.overflowed)
    }

    @Test func anOverlongStartIsCut() {
        let field = TextField(text: "abcdefgh", maxLength: 3)
        #expect(field.text == "abc" && field.count == 3 && field.overflowed)
    }

    @Test func theCountFollowsCharactersThatJoin() {
        var field = TextField()
        // Two regional indicators make one flag; an emoji and its skin tone make one character.
        for scalar: UInt32 in [0x1F1E8, 0x1F1F3, 0x1F44D, 0x1F3FD, 0x61] {
            _ = field.apply(.character(Character(Unicode.Scalar(scalar)!)))
        }
        #expect(field.count == field.text.count)
        #expect(field.cursor == field.text.count)
    }

    // Its speed is measured by the paste benchmark; this checks only that nothing is lost.
    @Test func aLongPasteIsKeptWholeAndCounted() {
        var field = TextField(maxLength: 200_000)
        for _ in 0..<100_000 { _ = field.apply(.character("x")) }
        #expect(field.count == 100_000 && field.text.utf8.count == 100_000)
    }
}
