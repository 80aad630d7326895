/// A table column: its header and its width in terminal columns.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: Int

    public init(_ title: String, width: Int) {
        self.title = title
        self.width = width
    }
}
