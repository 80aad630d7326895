/// The eight colours every terminal has; `.standard` is the terminal's own foreground.
public enum Color: Sendable, Hashable, CaseIterable {
    case standard, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Backgrounds stay the terminal's default so the app blends into any theme.
public struct Style: Sendable, Hashable {
    public var color: Color
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool

    public init(
        color: Color = .standard, bold: Bool = false, reverse: Bool = false,
        dim: Bool = false, underline: Bool = false
    ) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()

    /// This style with reverse video on: how a selection is shown without losing the colour.
    public var reversed: Style {
        var style = self
        style.reverse = true
        return style
    }
}
