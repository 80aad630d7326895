/// What a table column needs and wants, for `ColumnLayout` to fit a row of them into a width.
public struct ColumnSpec: Sendable, Equatable {
    public var title: String
    /// Narrowest width at which the column is still worth showing.
    public var minWidth: Int
    /// The width it would like: spare space stops here. Nil: no limit, the column is flexible.
    public var maxWidth: Int?
    /// Its share of spare space relative to the other columns still growing; 0 keeps it at `minWidth`.
    public var weight: Int
    /// Lower is more important; when the row does not fit, the highest number goes first.
    public var priority: Int

    public init(_ title: String, minWidth: Int, maxWidth: Int? = nil, weight: Int = 1, priority: Int) {
        self.title = title
        let minimum = max(0, minWidth)
        self.minWidth = minimum
        self.maxWidth = maxWidth.map { max(minimum, $0) }
        self.weight = max(0, weight)
        self.priority = priority
    }
}
