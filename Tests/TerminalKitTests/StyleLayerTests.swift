import Testing
import TerminalKit

/// The style layer that snapshots record beside the text.
@Suite struct StyleLayerTests {
    @Test func lettersFollowFirstAppearanceAndPlainIsASpace() {
        var screen = Screen(width: 8, height: 2)
        screen.put("ab", x: 0, y: 0, style: Style(bold: true))
        screen.put("cd", x: 4, y: 0, style: Style(color: .red, bold: true))
        screen.put("ef", x: 1, y: 1, style: Style(bold: true))
        let layer = screen.styleLayer
        #expect(layer.lines == ["aa  bb  ", " aa     "])
        #expect(layer.legendLines == ["a  bold", "b  red bold"])
    }

    /// Both halves of a wide character carry its letter, so the layer lines up with the text.
    @Test func aWideCharacterTakesTwoColumnsInBothLayers() {
        var screen = Screen(width: 6, height: 1)
        screen.put("数x", x: 1, y: 0, style: Style(reverse: true))
        #expect(screen.fullLines == [" 数x  "])
        #expect(screen.styleLayer.lines == [" aaa  "])
        #expect(screen.styleLayer.legendLines == ["a  reverse"])
    }

    @Test func everyAttributeIsNamed() {
        #expect(Style(color: .yellow, bold: true, reverse: true, dim: true, underline: true).summary
                == "yellow bold dim underline reverse")
        #expect(Style.plain.summary == "plain")
    }
}
