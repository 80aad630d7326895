import Foundation

/// Every message of the session, newest last, so one that scrolled away or was too long for
/// its line can still be read whole (`L`).
package struct MessageLog: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var at: Date
        package var kind: Flash.Kind
        package var text: String
    }

    package private(set) var entries: [Entry] = []
    /// The overlay is open.
    package var isOpen = false
    /// The first shown line of the overlay, counted from the newest message.
    package var top = 0
    /// A session long enough to fill it drops its oldest messages: memory stays bounded.
    static let capacity = 1000

    package init() {}

    mutating func record(_ flash: Flash, at date: Date) {
        // The same news twice in a row (a repeated refusal) is one entry.
        if let last = entries.last, last.text == flash.text, last.kind == flash.kind { return }
        entries.append(Entry(at: date, kind: flash.kind, text: flash.text))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
