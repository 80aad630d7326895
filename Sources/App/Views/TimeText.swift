import Foundation

/// How times read on the screen: in the operator's time zone (UTC with `--utc`), labelled, since
/// the cloud's own timestamps are UTC and a bare `08:00` could be either.
struct ClockText {
    var zone: TimeZone

    init(_ zone: TimeZone) {
        self.zone = zone
    }

    /// `2025-01-01 09:00:00`.
    func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `09:00:00`, the time of day of `timestamp`.
    func time(_ date: Date) -> String {
        String(timestamp(date).suffix(8))
    }

    /// `09:00:00 CET`, or `09:00:00 +01:00` where the zone has no short name.
    func labelled(_ date: Date) -> String {
        "\(time(date)) \(label(at: date))"
    }

    /// A cloud timestamp, `2025-01-01T08:00:13.123Z` (or `2025-01-01 08:00:13`, also UTC), as the
    /// time of day in this zone; one that does not read as such is shown as it came, cut to the time.
    func time(cloud timestamp: String?) -> String? {
        guard let timestamp else { return nil }
        if let date = Self.cloudDate(timestamp) { return time(date) }
        guard let t = timestamp.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
        return String(timestamp[timestamp.index(after: t)...].prefix(8))
    }

    /// `UTC`, the zone's short name (`CET`, `JST`), or its offset (`+05:30`) when the short name is
    /// only an offset in other words (`GMT+5:30`).
    func label(at date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0, ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z"].contains(zone.identifier) { return "UTC" }
        if let short = zone.abbreviation(for: date), (2...5).contains(short.count), short.allSatisfy(\.isLetter) {
            return short
        }
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    private static func cloudDate(_ text: String) -> Date? {
        let characters = Array(text)
        guard characters.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(characters[range])) }
        let rest = characters.count > 19 ? String(characters[19...]) : ""
        // Only UTC stamps: `Z`, fractions then `Z`, or nothing at all.
        guard rest.isEmpty || rest == "Z" || (rest.first == "." && rest.dropFirst().dropLast().allSatisfy(\.isNumber)
                                                 && (rest.last == "Z" || rest.last?.isNumber == true))
        else { return nil }
        var components = DateComponents()
        components.year = number(0..<4)
        components.month = number(5..<7)
        components.day = number(8..<10)
        components.hour = number(11..<13)
        components.minute = number(14..<16)
        components.second = number(17..<19)
        guard components.year != nil, components.month != nil, components.day != nil, components.hour != nil,
              components.minute != nil, components.second != nil
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .utc
        return calendar.date(from: components)
    }
}

extension TimeZone {
    /// UTC, without a force unwrap.
    package static let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
}

/// Durations as operators read them: `42s`, `3:07`, `1:02:03`.
func formatElapsed(_ seconds: TimeInterval) -> String {
    let total = Int(seconds.rounded(.down))
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60)
    if h > 0 { return String(format: "%d:%02d:%02d", h, m, s) }
    if m > 0 { return String(format: "%d:%02d", m, s) }
    return "\(s)s"
}
