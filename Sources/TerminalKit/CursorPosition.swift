/// A screen column and row; a struct rather than a tuple so `Screen` can be `Equatable`.
public struct CursorPosition: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
