/// One column of the screen grid.
///
/// A wide (CJK) character occupies two cells: the first holds the text with `width` 2, the second
/// is a continuation with `text` "" and `width` 0, so the grid stays column-addressable.
public struct Cell: Sendable, Equatable {
    /// One grapheme, or "" for the right half of a wide character.
    public var text: String
    /// Columns the text takes: 1, 2, or 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1)

    static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    var isContinuation: Bool { width == 0 && text.isEmpty }
}
