import Foundation

/// The time formats on the wire, all UTC.
enum Timestamp {
    /// Jobs: `2025-01-01T08:00:00.000Z`.
    static func milliseconds(_ date: Date) -> String {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = totalMs >= 0 ? totalMs / 1000 : (totalMs - 999) / 1000
        let ms = totalMs - seconds * 1000
        return base(Date(timeIntervalSince1970: TimeInterval(seconds))) + String(format: ".%03dZ", Int(ms))
    }

    /// Servers (`created`, `updated`): `2025-01-01T08:00:00Z`.
    static func seconds(_ date: Date) -> String {
        base(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))) + "Z"
    }

    private static func base(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
