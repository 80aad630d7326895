extension Style {
    /// This style without colour, for terminals that have none or users who set NO_COLOR.
    ///
    /// Colour must never be the only carrier of state, so the colours that mean something keep
    /// their meaning as attributes: red (errors, failures) becomes bold, yellow (warnings,
    /// in progress) underlined. The other colours only decorate and are dropped.
    public var monochrome: Style {
        var style = self
        switch color {
        case .red: style.bold = true
        case .yellow: style.underline = true
        case .standard, .green, .blue, .magenta, .cyan, .white: break
        }
        style.color = .standard
        return style
    }
}
