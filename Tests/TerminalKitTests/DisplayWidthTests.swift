import Testing
import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("abc", 3), ("", 0),
        ("中文", 4), ("中a文", 5),
        ("ＡＢ", 4),  // fullwidth Latin
        ("한국어", 6),  // Hangul syllables
        ("カタカナ", 8),
        ("😀", 2), ("🚀x", 3),
        ("e\u{301}", 1),  // e + combining acute: one column
        ("\u{200B}", 0),  // zero-width space
        ("•…─", 3),  // ambiguous-width symbols count as narrow
    ])
    func stringWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(arguments: [
        (Unicode.Scalar(0x41)!, 1),  // A
        (Unicode.Scalar(0x301)!, 0),  // combining acute
        (Unicode.Scalar(0x20DD)!, 0),  // combining enclosing circle
        (Unicode.Scalar(0x0A)!, 0),  // newline draws nothing
        (Unicode.Scalar(0x4E2D)!, 2),  // 中
        (Unicode.Scalar(0xFF21)!, 2),  // Ａ
        (Unicode.Scalar(0xAC00)!, 2),  // 가
        (Unicode.Scalar(0x1F600)!, 2),  // 😀
        (Unicode.Scalar(0x20000)!, 2),  // CJK extension B
        (Unicode.Scalar(0x2764)!, 1),  // ❤ is text presentation by default
    ])
    func scalarWidth(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test func characterWidthIgnoresCombiningMarks() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("中")) == 2)
    }

    @Test(arguments: [
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello world", 8, "hello w…"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("中文字", 6, "中文字"),
        ("中文字", 5, "中文…"),
        ("中文字", 4, "中…"),  // "中文" would leave no room for "…"
        ("中文字", 3, "中…"),
        ("中文字", 2, "…"),
        ("a中文", 4, "a中…"),
        ("a中文", 3, "a…"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncate(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= max(0, width))
    }

    @Test(arguments: [
        ("ab", 4, "ab  "),
        ("中文字", 5, "中文…"),
        ("中文字", 4, "中… "),
        ("中文字", 2, "… "),
        ("abcdef", 3, "ab…"),
        ("", 3, "   "),
    ])
    func fit(text: String, width: Int, expected: String) {
        let result = DisplayWidth.fit(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) == width)
    }
}

struct DisplayWidthWrapTests {
    @Test(arguments: [
        ("the quick brown fox", 9, ["the quick", "brown fox"]),
        ("数据库 主节点 上海", 6, ["数据库", "主节点", "上海"]),
        ("a-very-long-word here", 8, ["a-very-…", "here"]),
        ("", 10, []),
    ])
    func wordsWrapAtTheirDisplayWidth(text: String, width: Int, expected: [String]) {
        #expect(DisplayWidth.wrap(text, to: width) == expected)
    }

    @Test(arguments: [
        ("/v2/p/cloudservers/abc", 8, ["/v2/p/cl", "oudserve", "rs/abc"]),
        ("数据库服务器", 5, ["数据", "库服", "务器"]),  // a wide character never straddles lines
        ("abc", 0, []),
    ])
    func anythingBreaksAtTheWidth(text: String, width: Int, expected: [String]) {
        #expect(DisplayWidth.breakLines(text, to: width) == expected)
    }
}
