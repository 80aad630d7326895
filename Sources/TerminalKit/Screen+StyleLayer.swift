/// The styles of a screen written as text, so a snapshot asserts the selection, dimmed hints and
/// error colours and not only the characters (like ratatui's buffer assertions).
///
/// Each style met on the screen gets a letter, in order of first appearance (row by row); a cell
/// in the plain style is a space. Both halves of a wide character carry its letter, so the layer
/// lines up column for column with the text.
public struct StyleLayer: Sendable, Equatable {
    /// One string per row, exactly `width` characters long.
    public let lines: [String]
    /// The letters used, with the style each one stands for, in order.
    public let legend: [(letter: Character, style: Style)]

    public static func == (lhs: StyleLayer, rhs: StyleLayer) -> Bool {
        lhs.lines == rhs.lines && lhs.legend.elementsEqual(rhs.legend) { $0.letter == $1.letter && $0.style == $1.style }
    }

    /// `a  bold reverse`: one line per letter, for the bottom of a snapshot.
    public var legendLines: [String] {
        legend.map { "\($0.letter)  \($0.style.summary)" }
    }

    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    init(_ screen: Screen) {
        var letterOf: [Style: Character] = [:]
        var legend: [(letter: Character, style: Style)] = []
        lines = (0..<screen.height).map { y in
            String((0..<screen.width).map { x -> Character in
                let style = screen[x, y].style
                if style == .plain { return " " }
                if let letter = letterOf[style] { return letter }
                // More styles than letters on one screen: a sign the view lost control of its styles.
                let letter = legend.count < Self.letters.count ? Self.letters[legend.count] : "?"
                letterOf[style] = letter
                legend.append((letter, style))
                return letter
            })
        }
        self.legend = legend
    }
}

extension Screen {
    /// The styles of every cell, one letter per style (see `StyleLayer`).
    public var styleLayer: StyleLayer { StyleLayer(self) }

    /// Each row's text untrimmed: exactly `width` columns wide, wide characters written once.
    public var fullLines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }
}

extension Style {
    /// The style in words, colour first: `red bold`, `reverse`, `plain`.
    public var summary: String {
        var words: [String] = color == .standard ? [] : ["\(color)"]
        if bold { words.append("bold") }
        if dim { words.append("dim") }
        if underline { words.append("underline") }
        if reverse { words.append("reverse") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}
