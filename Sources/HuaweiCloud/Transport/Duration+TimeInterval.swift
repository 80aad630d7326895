import Foundation

extension Duration {
    /// Seconds as a `TimeInterval`, for the APIs (URLSession, Date) that take one.
    public var timeInterval: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
