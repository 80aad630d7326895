import Testing
import TerminalKit

/// Names cut in the middle keep both ends, by display width, never splitting a character.
@Suite struct TruncateMiddleTests {
    @Test(arguments: [
        // Fits: unchanged.
        ("web-01", 6, "web-01"),
        ("web-01", 10, "web-01"),
        // The tail gets the larger half: numbered names stay apart.
        ("web-server-production-00030", 15, "web-ser…n-00030"),
        ("华北区域-生产环境-订单服务-节点-00030", 23, "华北区域-生…-节点-00030"),
        ("华北区域-生产环境-订单服务-节点-00031", 23, "华北区域-生…-节点-00031"),
        // A wide character that does not fit leaves its column to the other side.
        ("数据库-主节点-上海-生产环境-第一可用区", 12, "数据…可用区"),
        ("数据库-主节点-上海-生产环境-第一可用区", 11, "数据库…用区"),
        // Graphemes stay whole: an accent rides on its letter, a flag's two scalars stay together.
        ("cafe\u{301}-serveur-de-production", 9, "cafe\u{301}…tion"),
        ("🇫🇷🇫🇷🇫🇷-paris-node-7", 9, "🇫🇷🇫🇷…de-7"),
        // Degenerate widths.
        ("abcdef", 1, "…"),
        ("abcdef", 0, ""),
        ("中文字", 2, "…"),
        ("中文字", 3, "中…"),
    ])
    func cutsInTheMiddle(text: String, width: Int, expected: String) {
        let cut = DisplayWidth.truncateMiddle(text, to: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= width)
    }

    @Test func fitPadsToTheWidth() {
        #expect(DisplayWidth.fit("华北区域-生产环境-节点-00030", to: 12, cut: .middle) == "华北…-00030 ")
        #expect(DisplayWidth.fit("web", to: 5, cut: .middle) == "web  ")
        #expect(DisplayWidth.fit("web-server-01", to: 8, cut: .end) == "web-ser…")
    }

    @Test func aTableColumnCutsItsValuesWhereItSays() {
        var screen = Screen(width: 12, height: 2)
        Table.draw(into: &screen, x: 0, y: 0, width: 12, height: 2,
                   columns: [TableColumn("NAME-OF-THE-SERVER", width: 12, cut: .middle)],
                   rowCount: 1, top: 0, selected: nil,
                   cell: { _, _ in "node-group-a-00017" }, cellStyle: { _, _ in nil })
        #expect(screen.lines == ["NAME-OF-THE…", "node-…-00017"])
    }
}
