import Foundation

/// The time formats on the wire, all UTC.
enum Timestamp {
    /// Jobs: `2025-01-01T08:00:00.000Z`.
    static func milliseconds(_ date: Date) -> String {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = totalMs >= 0 ? totalMs / 1000 : (totalMs - 999) / 1000
        let ms = totalMs - seconds * 1000
        return String(wholeSeconds.format(Date(timeIntervalSince1970: TimeInterval(seconds))).dropLast())
            + String(format: ".%03dZ", Int(ms))
    }

    /// Servers (`created`, `updated`): `2025-01-01T08:00:00Z`.
    static func seconds(_ date: Date) -> String {
        wholeSeconds.format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }

    /// `2025-01-01T08:00:00Z`: ISO 8601 in UTC, whole seconds.
    private static let wholeSeconds = Date.ISO8601FormatStyle()
}
