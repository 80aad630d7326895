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

    /// A label longer than the column wraps under itself when there are rows for it; failures
    /// get the rows first, and what does not fit is cut with `…`.
    @Test func wrapsWholeWhenRowsAllowFailuresFirst() {
        let items: [(label: String, mark: Checklist.Mark)] = [
            (label: "stopped first (withStopServer)", mark: .passed),
            (label: "no login: choose a key pair or a password", mark: .failed),
        ]
        var roomy = Screen(width: 20, height: 6)
        Checklist.draw(into: &roomy, x: 0, y: 0, width: 20, rows: 6, items: items)
        #expect(roomy.lines == ["✓ stopped first", "  (withStopServer)", "✗ no login: choose a", "  key pair or a", "  password", ""])

        var tight = Screen(width: 20, height: 4)
        Checklist.draw(into: &tight, x: 0, y: 0, width: 20, rows: 4, items: items)
        #expect(tight.lines == ["✓ stopped first (wi…", "✗ no login: choose a", "  key pair or a", "  password"])

        var one = Screen(width: 20, height: 2)
        Checklist.draw(into: &one, x: 0, y: 0, width: 20, rows: 1, items: items)
        #expect(one.lines == ["✓ stopped first (wi…", ""])
    }
}
