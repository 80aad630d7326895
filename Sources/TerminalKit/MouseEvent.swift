/// A click or a wheel step, in screen cells from the top-left corner.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The first button went down (or clicked): select what is under it.
        case press
        case wheelUp, wheelDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}
