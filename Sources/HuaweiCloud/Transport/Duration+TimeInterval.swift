import Foundation

extension Duration {
    /// Seconds as a `TimeInterval`, for the APIs (Date, the poll schedule) that take one.
    public var timeInterval: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
