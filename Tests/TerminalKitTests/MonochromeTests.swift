import Testing
import TerminalKit

@Suite struct MonochromeTests {
    @Test(arguments: [
        (Color.standard, Style()),
        (.red, Style(bold: true)),
        (.yellow, Style(underline: true)),
        (.green, Style()),
        (.blue, Style()),
        (.cyan, Style()),
        (.magenta, Style()),
        (.white, Style()),
    ])
    func colourBecomesAttributes(color: Color, expected: Style) {
        #expect(Style(color: color).monochrome == expected)
    }

    @Test func otherAttributesAreKept() {
        #expect(Style(color: .red, reverse: true, dim: true).monochrome == Style(bold: true, reverse: true, dim: true))
        #expect(Style(color: .yellow, bold: true).monochrome == Style(bold: true, underline: true))
        #expect(Style(color: .green, reverse: true, underline: true).monochrome == Style(reverse: true, underline: true))
    }

    @Test func errorsAndWarningsStayDistinctFromPlainText() {
        let shown = Set([Color.standard, .red, .yellow].map { Style(color: $0).monochrome })
        #expect(shown.count == 3)
        #expect(Color.allCases.allSatisfy { Style(color: $0).monochrome.color == .standard })
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var requested: Bool? = nil
        var environment: [String: String] = [:]
        var terminalHasColors = true
        let expected: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "colour terminal, nothing set", expected: true),
        Case(name: "NO_COLOR set", environment: ["NO_COLOR": "1"], expected: false),
        Case(name: "NO_COLOR set to any text", environment: ["NO_COLOR": "no"], expected: false),
        Case(name: "NO_COLOR empty is ignored", environment: ["NO_COLOR": ""], expected: true),
        Case(name: "other variables are ignored", environment: ["COLOR": "0"], expected: true),
        Case(name: "terminal without colours", terminalHasColors: false, expected: false),
        Case(name: "asked for colour beats NO_COLOR", requested: true, environment: ["NO_COLOR": "1"], expected: true),
        Case(name: "asked for colour, terminal has none", requested: true, terminalHasColors: false, expected: false),
        Case(name: "asked for none", requested: false, expected: false),
    ])
    func colorSupport(_ test: Case) {
        let decided = ColorSupport.decide(
            requested: test.requested, environment: test.environment, terminalHasColors: test.terminalHasColors)
        #expect(decided == test.expected)
    }
}
