import Testing
import TerminalKit

struct AsciiFallbackTests {
    @Test(arguments: [
        ("a", 1, "a"),
        ("×", 1, "x"),
        ("…", 1, "~"),
        ("•", 1, "*"),  // a masked password stays countable
        ("↑", 1, "^"),
        ("┌", 1, "+"),
        ("e\u{301}", 1, "e"),
        ("数", 2, "??"),
        ("🐳", 2, "??"),
        ("⚠", 1, "!"),
        ("ж", 1, "?"),
    ])
    func eachCellKeepsItsWidthInASCII(text: String, width: Int, expected: String) {
        let shown = AsciiFallback.text(text, width: width)
        #expect(shown == expected)
        #expect(shown.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(shown.count == width)
    }
}
