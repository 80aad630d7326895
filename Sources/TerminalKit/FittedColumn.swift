/// One column that survived `ColumnLayout.fit`: which spec it came from and the width it got.
public struct FittedColumn: Sendable, Equatable {
    /// Index into the specs passed to `fit`, so the caller knows which cell to draw in it.
    public var index: Int
    public var title: String
    public var width: Int

    public init(index: Int, title: String, width: Int) {
        self.index = index
        self.title = title
        self.width = width
    }

    public var tableColumn: TableColumn { TableColumn(title, width: width) }
}
