import Testing

@testable import TerminalKit

struct WrapWholeAndWindowTests {
    @Test(arguments: [
        ("a b c", 3, ["a b", "c"]),
        // A word wider than the line is broken, never cut with "…".
        ("id 7d1c0a52-0b8e", 6, ["id", "7d1c0a", "52-0b8", "e"]),
        // Chinese has no spaces: broken at the width, a wide character never split.
        ("系统盘挂载超时", 5, ["系统", "盘挂", "载超", "时"]),
        ("", 10, [""]),
    ])
    func wrapWholeLosesNothing(text: String, width: Int, expected: [String]) {
        let lines = DisplayWidth.wrapWhole(text, to: width)
        #expect(lines == expected)
        for line in lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test func copyRowsWritesEveryCellOfTheWindow() {
        var page = Screen(width: 6, height: 4)
        page.put("数据", x: 0, y: 1)
        page.put("ab", x: 0, y: 2)
        page.cursor = CursorPosition(x: 2, y: 2)
        var screen = Screen(width: 6, height: 3)
        screen.put("xxxxxx", x: 0, y: 1)
        screen.put("yyyyyy", x: 0, y: 2)
        screen.copyRows(of: page, from: 1, to: 1, rows: 2)
        #expect(screen.lines == ["", "数据", "ab"])
        #expect(screen.cursor == CursorPosition(x: 2, y: 2))
    }
}
