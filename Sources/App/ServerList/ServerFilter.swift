#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HuaweiCloud
import TerminalKit

/// The `/` filter, and `servers --filter`: every whitespace-separated term must occur,
/// case-insensitively, in what the list shows of a server (name, status and task, OS, image, IP
/// addresses, flavour, availability zone, enterprise project: `default` for `0`) or its id.
package struct ServerFilter: Sendable, Equatable {
    package let text: String
    /// The lower-cased words, as UTF-8: a byte search suffices, since UTF-8 never matches in the
    /// middle of another character.
    private let terms: [[UInt8]]

    package init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
    }

    package var isEmpty: Bool { terms.isEmpty }

    /// Appending characters can only narrow the matches, so the old matches are enough to search.
    func narrows(_ previous: ServerFilter) -> Bool {
        text.hasPrefix(previous.text)
    }

    /// Whether `server` matches (the haystack built on the spot; the list keeps its own).
    package func matches(_ server: Server) -> Bool {
        matches(Self.haystack(server))
    }

    func matches(_ haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { text in
            terms.allSatisfy { term in term.withUnsafeBytes { Self.find($0, in: text) } }
        }
    }

    /// Byte search with memchr and memcmp rather than String.contains: over 10,000 servers per
    /// keystroke that is the difference between a few and a few dozen milliseconds.
    private static func find(_ word: UnsafeRawBufferPointer, in text: UnsafeRawBufferPointer) -> Bool {
        guard let wordStart = word.baseAddress, let first = word.first else { return true }
        guard let textStart = text.baseAddress, text.count >= word.count else { return false }
        var offset = 0
        let lastStart = text.count - word.count
        while offset <= lastStart {
            guard let hit = memchr(textStart + offset, Int32(first), lastStart - offset + 1) else { return false }
            if memcmp(hit, wordStart, word.count) == 0 { return true }
            offset = textStart.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return false
    }

    /// The text a filter searches, lower-cased once per server rather than once per keystroke.
    /// Fields are joined by newlines, which no term contains, so a term never spans two fields.
    /// They are searched as the screen shows them: a control character as its `\xHH`.
    static func haystack(_ server: Server) -> [UInt8] {
        let addresses = server.addresses.values.flatMap { $0.map(\.addr) }
        let shown = [server.name, server.id, server.status.rawValue, server.taskState ?? "", server.osType,
                     server.imageName, server.flavor?.name ?? server.flavor?.id ?? "", server.availabilityZone ?? "",
                     server.enterpriseProjectName]
        return Array((shown + addresses)
            .map(TerminalText.visible).joined(separator: "\n").lowercased().utf8)
    }
}
