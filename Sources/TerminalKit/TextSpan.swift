/// A run of text in one style: lines of mixed styles are arrays of these.
public struct TextSpan: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}
