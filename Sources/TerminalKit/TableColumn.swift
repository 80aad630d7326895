/// A table column: its header, its width in terminal columns, and where a value too wide is cut.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: Int
    public var cut: DisplayWidth.Cut

    public init(_ title: String, width: Int, cut: DisplayWidth.Cut = .end) {
        self.title = title
        self.width = width
        self.cut = cut
    }
}
