import HuaweiCloud

/// The `/` filter: every whitespace-separated term must occur, case-insensitively, in the
/// server's name, id, IP addresses, image name or status.
public struct ServerFilter: Sendable, Equatable {
    public let text: String
    private let terms: [String]

    init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Appending characters can only narrow the matches, so the old matches are enough to search.
    func narrows(_ previous: ServerFilter) -> Bool {
        text.hasPrefix(previous.text)
    }

    func matches(_ haystack: String) -> Bool {
        terms.allSatisfy { haystack.contains($0) }
    }

    /// The text a filter searches, lower-cased once per server rather than once per keystroke.
    /// Fields are joined by newlines, which no term contains, so a term never spans two fields.
    static func haystack(_ server: Server) -> String {
        let addresses = server.addresses.values.flatMap { $0.map(\.addr) }
        return ([server.name, server.id, server.imageName, server.status] + addresses)
            .joined(separator: "\n").lowercased()
    }
}
