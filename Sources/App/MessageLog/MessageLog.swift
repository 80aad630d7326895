import Foundation

/// Every message of the session, newest last, so one that scrolled away or was too long for
/// its line can still be read whole (`L`).
public struct MessageLog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var at: Date
        public var kind: Flash.Kind
        public var text: String
    }

    public private(set) var entries: [Entry] = []
    /// The overlay is open.
    public var isOpen = false
    /// The first shown line of the overlay, counted from the newest message.
    public var top = 0
    /// A session long enough to fill it drops its oldest messages: memory stays bounded.
    static let capacity = 1000

    public init() {}

    mutating func record(_ flash: Flash, at date: Date) {
        // The same news twice in a row (a repeated refusal) is one entry.
        if let last = entries.last, last.text == flash.text, last.kind == flash.kind { return }
        entries.append(Entry(at: date, kind: flash.kind, text: flash.text))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
