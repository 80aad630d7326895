import Foundation

/// How times and durations read on the screen: in UTC, as the cloud's own timestamps are.

/// `2025-01-01 08:00:00`.
func utcTimestamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d:%02d",
                  c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
}

/// `08:00:00`, the time of day of `utcTimestamp`.
func utcClockTime(_ date: Date) -> String {
    String(utcTimestamp(date).suffix(8))
}

/// `2025-01-01T08:00:13.123Z` (or `2025-01-01 08:00:13`) → `08:00:13`.
func clockTime(_ timestamp: String?) -> String? {
    guard let timestamp, let t = timestamp.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
    return String(timestamp[timestamp.index(after: t)...].prefix(8))
}

/// Durations as operators read them: `42s`, `3:07`, `1:02:03`.
func formatElapsed(_ seconds: TimeInterval) -> String {
    let total = Int(seconds.rounded(.down))
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60)
    if h > 0 { return String(format: "%d:%02d:%02d", h, m, s) }
    if m > 0 { return String(format: "%d:%02d", m, s) }
    return "\(s)s"
}
