import Testing
import TerminalKit

@Suite struct ChecklistTests {
    @Test func drawsMarksLabelsAndColours() {
        var screen = Screen(width: 14, height: 3)
        Checklist.draw(into: &screen, x: 1, y: 0, width: 12, items: [
            (label: "Server is stopped", mark: .passed),
            (label: "镜像匹配", mark: .failed),
            (label: "Key pair", mark: .notApplicable),
        ])
        #expect(screen.lines == [
            " ✓ Server is…",
            " ✗ 镜像匹配",
            " · Key pair",
        ])
        #expect(screen[1, 0].style.color == .green)
        #expect(screen[3, 0].style == .plain)
        #expect(screen[1, 1].style.color == .red)
        #expect(screen[1, 2].style.dim)
        #expect(screen[3, 2].style.dim)
    }
}
