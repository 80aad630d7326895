import Testing
import TerminalKit

@Suite struct TerminalTextTests {
    @Test(arguments: [
        // Escape sequences that would act on a terminal: every control shows as \xHH.
        ("web\u{1B}]0;pwned\u{07}", "web\\x1B]0;pwned\\x07"),  // OSC 0: window title, ended by BEL
        ("a\u{1B}]52;c;ZWNobyBoaQ==\u{1B}\\b", "a\\x1B]52;c;ZWNobyBoaQ==\\x1B\\b"),  // OSC 52: clipboard, ST
        ("\u{1B}[2J\u{1B}[31mred", "\\x1B[2J\\x1B[31mred"),  // CSI: clear screen, colour
        ("x\u{9B}31my", "x\\x9B31my"),  // C1 CSI
        ("\u{9D}0;t\u{9C}", "\\x9D0;t\\x9C"),  // C1 OSC … ST
        ("\u{85}\u{80}\u{9F}", "\\x85\\x80\\x9F"),  // C1 edges and NEL
        ("ding\u{07}", "ding\\x07"),  // BEL
        ("over\rwrite", "over\\x0Dwrite"),  // CR
        ("back\u{08}\u{08}", "back\\x08\\x08"),  // BS
        ("del\u{7F}", "del\\x7F"),  // DEL
        ("two\nlines\r\n", "two\\x0Alines\\x0D\\x0A"),  // LF, CR LF
        ("tab\there", "tab\\x09here"),
        ("\u{0}", "\\x00"),
        ("\u{1B}", "\\x1B"),  // a name of one control still shows, and is not empty
        // Text that passes unchanged.
        ("web-01", "web-01"),
        ("数据库-主节点", "数据库-主节点"),  // CJK
        ("🚀 deploy 👩‍💻 🇨🇳", "🚀 deploy 👩‍💻 🇨🇳"),  // emoji, ZWJ sequence, flag
        ("e\u{301}", "e\u{301}"),  // combining mark
        ("\u{A0}nbsp", "\u{A0}nbsp"),  // U+00A0 is the first scalar past C1
        ("back\\slash \\x1B", "back\\slash \\x1B"),  // plain text that looks like the escape
        ("", ""),
    ])
    func visible(input: String, expected: String) {
        let shown = TerminalText.visible(input)
        #expect(shown == expected)
        #expect(!shown.unicodeScalars.contains { TerminalText.isControl($0) })
        #expect(TerminalText.visible(shown) == shown, "applying the rule again changes nothing")
        #expect(TerminalText.hasControls(input) == (shown != input))
    }

    @Test func visibleLinesKeepsOurLineBreaksOnly() {
        #expect(TerminalText.visibleLines("error: a\u{1B}[2J\n  line two\u{07}") == "error: a\\x1B[2J\n  line two\\x07")
        #expect(TerminalText.visibleLines("plain\ntext") == "plain\ntext")
    }

    @Test func screenShowsControlsAndMeasuresThemAsShown() {
        var screen = Screen(width: 20, height: 1)
        let written = screen.put("a\u{1B}[31mb\u{9B}", x: 0, y: 0)
        #expect(screen.lines == ["a\\x1B[31mb\\x9B"])
        #expect(written == 14)
        #expect(DisplayWidth.of("a\u{1B}[31mb\u{9B}") == 14)
        #expect(DisplayWidth.truncate("\u{1B}\u{1B}\u{1B}", to: 6) == "\u{1B}…")
    }

    @Test func controlKeysAreNotTyped() {
        for value: UInt32 in [0x07, 0x1B, 0x7F, 0x9B] {
            #expect(!Key.character(Character(Unicode.Scalar(value)!)).isPrintable)
        }
        #expect(Key.character("中").isPrintable)
    }
}
