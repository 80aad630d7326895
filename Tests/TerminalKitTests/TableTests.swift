import Testing
import TerminalKit

@Suite struct TableScrollTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let selected: Int
        let previousTop: Int
        let visibleRows: Int
        let rowCount: Int
        let expected: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "within the window stays put", selected: 5, previousTop: 3, visibleRows: 5, rowCount: 100, expected: 3),
        Case(name: "last visible row stays put", selected: 7, previousTop: 3, visibleRows: 5, rowCount: 100, expected: 3),
        Case(name: "one below scrolls by one", selected: 8, previousTop: 3, visibleRows: 5, rowCount: 100, expected: 4),
        Case(name: "far below puts it on the last row", selected: 50, previousTop: 3, visibleRows: 5, rowCount: 100, expected: 46),
        Case(name: "above puts it on the first row", selected: 1, previousTop: 3, visibleRows: 5, rowCount: 100, expected: 1),
        Case(name: "jump to first", selected: 0, previousTop: 40, visibleRows: 5, rowCount: 100, expected: 0),
        Case(name: "shrinking rowCount pulls the window up", selected: 2, previousTop: 8, visibleRows: 5, rowCount: 10, expected: 2),
        Case(name: "shrinking leaves no blank rows", selected: 9, previousTop: 8, visibleRows: 5, rowCount: 10, expected: 5),
        Case(name: "selection past the end is clamped", selected: 30, previousTop: 0, visibleRows: 5, rowCount: 10, expected: 5),
        Case(name: "fewer rows than the window", selected: 2, previousTop: 4, visibleRows: 5, rowCount: 3, expected: 0),
        Case(name: "no rows", selected: 0, previousTop: 4, visibleRows: 5, rowCount: 0, expected: 0),
        Case(name: "no room", selected: 3, previousTop: 4, visibleRows: 0, rowCount: 10, expected: 0),
    ])
    func scrollTop(_ test: Case) {
        let top = Table.scrollTop(
            selected: test.selected, previousTop: test.previousTop, visibleRows: test.visibleRows, rowCount: test.rowCount)
        #expect(top == test.expected)
    }
}

@Suite struct TableDrawTests {
    static let columns = [TableColumn("Name", width: 12), TableColumn("Status", width: 8), TableColumn("IP", width: 15)]
    static let rows = [
        ["web-01", "ACTIVE", "192.168.0.10"],
        ["数据库服务器-主节点", "SHUTOFF", "192.168.0.11"],
        ["a-very-long-server-name", "BUILD", "10.0.0.1"],
        ["cache", "ERROR", "10.0.0.2"],
        ["batch-worker-7", "ACTIVE", "10.0.0.3"],
        ["spare", "ACTIVE", "10.0.0.4"],
    ]

    func draw(top: Int, selected: Int?, width: Int = 40) -> Screen {
        var screen = Screen(width: 40, height: 6)
        Table.draw(
            into: &screen, x: 0, y: 0, width: width, height: 6, columns: Self.columns,
            rowCount: Self.rows.count, top: top, selected: selected,
            cell: { row, column in Self.rows[row][column] },
            cellStyle: { row, column in
                column == 1 && Self.rows[row][1] != "ACTIVE" ? Style(color: .yellow) : nil
            })
        return screen
    }

    /// The screen rows drawn in reverse video: the selection.
    func reversedRows(_ screen: Screen) -> [Int] {
        (0..<screen.height).filter { y in (0..<screen.width).contains { screen[$0, y].style.reverse } }
    }

    /// Text and styles: the selected row (the second) reversed across the width, its coloured
    /// cell still coloured; the header bold, the gaps between its titles plain.
    @Test func snapshot() {
        let screen = draw(top: 0, selected: 1)
        #expect(screen.styleLayer.lines == [
            "aaaaaaaaaaaa aaaaaaaa aaaaaaaaaaaaaaa   ",
            "                                        ",
            "bbbbbbbbbbbbbccccccccbbbbbbbbbbbbbbbbbbb",
            "             dddddddd                   ",
            "             dddddddd                   ",
            "                                        ",
        ])
        #expect(screen.styleLayer.legendLines == ["a  bold", "b  reverse", "c  yellow reverse", "d  yellow"])
        // The selection follows `selected`: the fourth row now, and the second is only coloured.
        let other = draw(top: 0, selected: 3).styleLayer
        #expect(other.lines[2] == "             bbbbbbbb                   ")
        #expect(other.lines[4] == "cccccccccccccddddddddccccccccccccccccccc")
        #expect(other.legendLines == ["a  bold", "b  yellow", "c  reverse", "d  yellow reverse"])
        #expect(screen.lines == [
            "Name         Status   IP",
            "web-01       ACTIVE   192.168.0.10",
            "数据库服务…  SHUTOFF  192.168.0.11",
            "a-very-long… BUILD    10.0.0.1",
            "cache        ERROR    10.0.0.2",
            "batch-worke… ACTIVE   10.0.0.3",
        ])
    }

    @Test func scrolledSnapshotShowsOnlyVisibleRows() {
        let screen = draw(top: 2, selected: 5)
        #expect(reversedRows(screen) == [4], "row 5, scrolled to the fourth line under the header")
        #expect(screen.lines == [
            "Name         Status   IP",
            "a-very-long… BUILD    10.0.0.1",
            "cache        ERROR    10.0.0.2",
            "batch-worke… ACTIVE   10.0.0.3",
            "spare        ACTIVE   10.0.0.4",
            "",
        ])
    }

    @Test func narrowRectClipsColumns() {
        let screen = draw(top: 0, selected: nil, width: 17)
        #expect(screen.lines[0] == "Name         Sta…")
        #expect(screen.lines[2] == "数据库服务…  SHU…")
    }

    @Test func styles() {
        let screen = draw(top: 0, selected: 1)
        #expect(screen[0, 0].style.bold)  // header
        #expect(!screen[0, 1].style.reverse)  // unselected row
        for x in [0, 12, 39] {
            #expect(screen[x, 2].style.reverse, "selected row is reversed across the width at x=\(x)")
        }
        #expect(screen[13, 2].style == Style(color: .yellow, reverse: true))  // colour kept under selection
        #expect(screen[13, 4].style == Style(color: .yellow))
        #expect(screen[13, 1].style == .plain)
    }

    @Test func firstColumnHighlightReversesOnlyTheNameAndMarksTheRow() {
        var screen = Screen(width: 41, height: 6)
        Table.draw(
            into: &screen, x: 1, y: 0, width: 40, height: 6, columns: Self.columns,
            rowCount: Self.rows.count, top: 0, selected: 1, highlight: .firstColumn(marker: "▸"),
            cell: { row, column in Self.rows[row][column] }, cellStyle: { _, _ in nil })
        #expect(screen.lines[2] == "▸数据库服务…  SHUTOFF  192.168.0.11")
        #expect(screen.lines[1] == " web-01       ACTIVE   192.168.0.10", "other rows have no marker")
        #expect(screen[0, 2].style.bold && !screen[0, 2].style.reverse)
        for x in 1...12 { #expect(screen[x, 2].style.reverse, "the name cell is reversed at x=\(x)") }
        for x in [13, 14, 30] { #expect(!screen[x, 2].style.reverse, "the rest of the row is not, x=\(x)") }
    }
}
