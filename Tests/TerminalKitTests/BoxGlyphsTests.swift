#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TerminalKit

@Suite struct BoxGlyphsTests {
    @Test(arguments: [
        ("UTF-8", BoxGlyphs.unicode), ("utf8", .unicode), ("UTF8", .unicode), ("utf-8", .unicode),
        ("ANSI_X3.4-1968", .ascii), ("ISO-8859-1", .ascii), ("GB18030", .ascii), ("", .ascii),
    ])
    func codeset(name: String, expected: BoxGlyphs) {
        #expect(BoxGlyphs.forCodeset(name) == expected)
    }

    /// Switches only this thread's locale, so tests running alongside are not affected.
    @Test(arguments: [("C", BoxGlyphs.ascii), ("C.UTF-8", .unicode)])
    func locale(name: String, expected: BoxGlyphs) throws {
        let locale = try #require(newlocale(LC_CTYPE_MASK, name, nil), "locale \(name) is installed")
        defer { freelocale(locale) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        #expect(BoxGlyphs.forLocale() == expected)
    }

    @Test func everyGlyphIsOneColumn() {
        for glyphs in [BoxGlyphs.unicode, .ascii] {
            let all = [
                glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight,
                glyphs.bottomLeft, glyphs.bottomRight, glyphs.teeLeft, glyphs.teeRight,
            ]
            #expect(all.allSatisfy { DisplayWidth.of($0) == 1 })
        }
        #expect(BoxGlyphs.ascii.horizontal.isASCII && BoxGlyphs.ascii.topLeft.isASCII)
    }

    @Test(arguments: [
        (BoxGlyphs.unicode, ["┌─ Help ─┐", "│        │", "└────────┘"]),
        (.ascii, ["+- Help -+", "|        |", "+--------+"]),
    ])
    func drawBox(glyphs: BoxGlyphs, expected: [String]) {
        var screen = Screen(width: 10, height: 3)
        screen.drawBox(x: 0, y: 0, width: 10, height: 3, title: "Help", glyphs: glyphs)
        #expect(screen.lines == expected)
    }

    @Test func asciiRule() {
        var screen = Screen(width: 5, height: 1)
        screen.horizontalLine(x: 1, y: 0, width: 3, glyphs: .ascii)
        #expect(screen.lines == [" ---"])
    }

    /// A wide-character title at every width: the corners stand and the line stays the box's width.
    @Test(arguments: 2...16)
    func wideTitleNeverBreaksTheBorder(width: Int) {
        var screen = Screen(width: 20, height: 3)
        screen.drawBox(x: 1, y: 0, width: width, height: 3, title: "云服务器列表")
        let top = Array(screen.lines[0].dropFirst())
        #expect(DisplayWidth.of(String(top)) == width)
        #expect(top.first == "┌" && top.last == "┐")
        #expect(screen[1 + width - 1, 0].text == "┐")
        if width > 8 { #expect(top.contains("云")) }
    }

    @Test func wideTitleSnapshot() {
        var screen = Screen(width: 12, height: 3)
        screen.drawBox(x: 0, y: 0, width: 11, height: 3, title: "云服务器列表", glyphs: .ascii)
        #expect(screen.lines == ["+- 云服… -+", "|         |", "+---------+"])
    }

    @Test func boxPartlyOffScreenIsClipped() {
        var screen = Screen(width: 4, height: 2)
        screen.drawBox(x: -2, y: -1, width: 5, height: 3, title: "Title")
        #expect(screen.lines == ["  │", "──┘"])
    }
}
