import Testing
import TerminalKit

@Suite struct ScreenTests {
    @Test func newScreenIsBlankLines() {
        let screen = Screen(width: 3, height: 2)
        #expect(screen.lines == ["", ""])
        #expect(screen[0, 0] == Cell(text: " ", width: 1))
    }

    @Test func putWritesCellsAndReturnsColumns() {
        var screen = Screen(width: 10, height: 2)
        let written = screen.put("ab中", x: 1, y: 1)
        #expect(written == 4)
        #expect(screen.lines == ["", " ab中"])
        #expect(screen[3, 1] == Cell(text: "中", width: 2))
        #expect(screen[4, 1] == Cell(text: "", width: 0))
    }

    /// (text, x, maxWidth, expected line, columns written) on a 6-column screen.
    @Test(arguments: [
        ("abcdefgh", 0, nil, "abcdef", 6),
        ("abcdefgh", 4, nil, "    ab", 2),
        ("abcdef", 0, 3, "abc", 3),
        ("中文字", 0, nil, "中文字", 6),
        ("中文字", 1, nil, " 中文", 5),  // "字" would be cut: replaced by a space
        ("中文字", 0, 3, "中", 3),  // "文" cut by maxWidth: a space in column 2
        ("a中", -1, nil, "中", 2),  // negative x clips on the left
        ("中a", -1, nil, " a", 2),  // left half off-screen: the visible half becomes a space
        ("abc中d", -3, nil, "中d", 3),  // characters wholly left of the screen are skipped
        ("abc", 6, nil, "", 0),
        ("abc", 0, 0, "", 0),
    ] as [(String, Int, Int?, String, Int)])
    func putClips(text: String, x: Int, maxWidth: Int?, expected: String, written: Int) {
        var screen = Screen(width: 6, height: 1)
        let result = screen.put(text, x: x, y: 0, maxWidth: maxWidth)
        #expect(screen.lines == [expected])
        #expect(result == written)
    }

    @Test func putOutsideRowsIsNoOp() {
        var screen = Screen(width: 4, height: 1)
        #expect(screen.put("abc", x: 0, y: 1) == 0)
        #expect(screen.put("abc", x: 0, y: -1) == 0)
        #expect(screen == Screen(width: 4, height: 1))
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 2)
        screen.put("中文", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)  // right half of 中
        screen.put("中文", x: 0, y: 1)
        screen.put("y", x: 2, y: 1)  // left half of 文
        #expect(screen.lines == [" x文", "中y"])
        #expect(screen[3, 1] == Cell(text: " ", width: 1))
    }

    @Test func restyleKeepsTextAndClips() {
        var screen = Screen(width: 5, height: 1)
        screen.put("abcde", x: 0, y: 0, style: Style(color: .red))
        screen.restyle(x: 3, y: 0, width: 10, style: Style(reverse: true))
        #expect(screen.lines == ["abcde"])
        #expect(screen[2, 0].style == Style(color: .red))
        #expect(screen[3, 0].style == Style(reverse: true))
        #expect(screen[4, 0].style == Style(reverse: true))
    }

    @Test func horizontalLine() {
        var screen = Screen(width: 6, height: 1)
        screen.horizontalLine(x: 1, y: 0, width: 3)
        #expect(screen.lines == [" ───"])
        screen.horizontalLine(x: 4, y: 0, width: 10)
        #expect(screen.lines == [" ─────"])
    }

    @Test func boxWithTitle() {
        var screen = Screen(width: 15, height: 4)
        screen.drawBox(x: 1, y: 0, width: 13, height: 4, title: "Servers")
        #expect(screen.lines == [
            " ┌─ Servers ─┐",
            " │           │",
            " │           │",
            " └───────────┘",
        ])
        var narrow = Screen(width: 15, height: 4)
        narrow.drawBox(x: 1, y: 0, width: 12, height: 4, title: "Servers")
        #expect(narrow.lines[0] == " ┌─ Serve… ─┐")
    }

    @Test func boxTruncatesAWideTitle() {
        var screen = Screen(width: 10, height: 3)
        screen.drawBox(x: 0, y: 0, width: 10, height: 3, title: "云服务器列表")
        #expect(screen.lines == [
            "┌─ 云… ──┐",
            "│        │",
            "└────────┘",
        ])
    }

    @Test func boxTooSmallDrawsNothing() {
        var screen = Screen(width: 4, height: 4)
        screen.drawBox(x: 0, y: 0, width: 1, height: 4)
        #expect(screen.lines == ["", "", "", ""])
    }

    @Test func fillClearsARectangle() {
        var screen = Screen(width: 4, height: 3)
        for y in 0..<3 { screen.put("abcd", x: 0, y: y) }
        screen.fill(x: 1, y: 1, width: 2, height: 5)
        #expect(screen.lines == ["abcd", "a  d", "a  d"])
    }

    @Test func cursorTakesPartInEquality() {
        var screen = Screen(width: 2, height: 1)
        let blank = screen
        screen.cursor = CursorPosition(x: 1, y: 0)
        #expect(screen != blank)
    }
}
