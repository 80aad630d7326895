import Testing
import TerminalKit

@Suite struct DialogTests {
    /// A full screen of list rows for the dialog to cover.
    func list(width: Int, height: Int, row: (Int) -> String = { "row \($0) " }) -> Screen {
        var screen = Screen(width: width, height: height)
        for y in 0..<height {
            screen.put(row(y) + String(repeating: ".", count: width), x: 0, y: y)
        }
        return screen
    }

    static let help: [[TextSpan]] = [
        [TextSpan("r", style: Style(bold: true)), TextSpan("  refresh")],
        [TextSpan("x", style: Style(dim: true)), TextSpan("  reinstall  (no server)", style: Style(dim: true))],
    ]
    static let footer = [TextSpan("Esc/? close", style: Style(dim: true))]

    @Test func centredOverTheListWhichDoesNotShowThrough() {
        var screen = list(width: 31, height: 9)
        let rect = Dialog.draw(into: &screen, title: "Help", lines: Self.help, footer: Self.footer)
        #expect(rect == Rect(x: 1, y: 1, width: 29, height: 6))
        #expect(screen.lines == [
            "row 0 .........................",
            "r┌─ Help ────────────────────┐.",
            "r│ r  refresh                │.",
            "r│ x  reinstall  (no server) │.",
            "r│                           │.",
            "r│ Esc/? close               │.",
            "r└───────────────────────────┘.",
            "row 7 .........................",
            "row 8 .........................",
        ])
    }

    @Test func spansKeepTheirStyles() {
        var screen = list(width: 31, height: 9)
        Dialog.draw(into: &screen, title: "Help", lines: Self.help, footer: Self.footer, style: Style(color: .cyan))
        #expect(screen[3, 2].style == Style(bold: true))  // "r"
        #expect(screen[4, 2].style == .plain)
        #expect(screen[6, 3].style == Style(dim: true))  // "reinstall"
        #expect(screen[3, 5].style == Style(dim: true))  // footer
        #expect(screen[1, 1].style == Style(color: .cyan))  // frame
        #expect(screen[20, 2].style == Style(color: .cyan))  // cleared inside
        #expect(screen[0, 1].style == .plain)  // outside untouched
    }

    @Test func wideTextIsCutWithAnEllipsisInsideTheFrame() {
        var screen = list(width: 16, height: 5)
        let rect = Dialog.draw(into: &screen, title: "Error", lines: [[TextSpan("服务器不存在，请刷新列表")]])
        #expect(rect == Rect(x: 0, y: 1, width: 16, height: 3))
        #expect(screen.lines == [
            "row 0 ..........",
            "┌─ Error ──────┐",
            "│ 服务器不存…  │",
            "└──────────────┘",
            "row 4 ..........",
        ])
    }

    @Test func wideCharactersUnderTheEdgesAreNotHalved() {
        // Odd width: the frame lands on the right half of one wide character and the left half of another.
        var screen = list(width: 13, height: 5) { _ in "中文中文中文中文" }
        let rect = Dialog.draw(into: &screen, title: "", lines: [[TextSpan("ok")]])
        #expect(rect == Rect(x: 3, y: 1, width: 6, height: 3))
        #expect(screen.lines == [
            "中文中文中文",
            "中 ┌────┐ 文",
            "中 │ ok │ 文",
            "中 └────┘ 文",
            "中文中文中文",
        ])
    }

    /// When the screen is smaller than the dialog, it is clipped and the footer is kept.
    @Test(arguments: [(1, 1), (2, 2), (3, 3), (6, 4), (12, 3), (40, 10), (80, 40)])
    func clippedToSmallScreens(width: Int, height: Int) {
        var screen = list(width: width, height: height)
        let lines = (1...30).map { [TextSpan("action \($0) with a fairly long label")] }
        let rect = Dialog.draw(into: &screen, title: "Keys", lines: lines, footer: Self.footer)
        #expect(rect.x >= 0 && rect.y >= 0)
        #expect(rect.x + rect.width <= width && rect.y + rect.height <= height)
        #expect(rect.width == min(width, 38) && rect.height == min(height, 34))
        // The background is ASCII, so characters and columns agree.
        func row(_ offset: Int) -> Substring { screen.lines[rect.y + offset].dropFirst(rect.x) }
        if rect.width >= 5 && rect.height >= 3 {
            #expect(row(rect.height - 2).hasPrefix("│ E"), "footer on the last inner row")
            #expect(row(rect.height - 1).hasPrefix("└"))
        }
        if height == 40 {
            #expect(row(30).hasPrefix("│ action 30 "))
            #expect(row(31).hasPrefix("│    "), "blank line above the footer")
        } else if rect.width >= 5 && rect.height >= 4 {
            #expect(row(rect.height - 3).hasPrefix("│ a"), "the blank line goes before content")
        }
    }
}
