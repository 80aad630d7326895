#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The characters a frame is drawn with.
///
/// Frames are plain text in the grid, never the terminal's line-drawing charset (ACS), which
/// PuTTY and GNU screen ignore in UTF-8 mode. Text needs the locale to encode it, hence `.ascii`.
public struct BoxGlyphs: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Where a horizontal rule meets the left and right edges ("├", "┤").
    public var teeLeft: Character
    public var teeRight: Character

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, teeLeft: Character, teeRight: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
    }

    public static let unicode = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤")

    public static let ascii = BoxGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+")

    /// `.unicode` when the codeset (as `nl_langinfo(CODESET)` names it) is UTF-8, else `.ascii`.
    public static func forCodeset(_ codeset: String) -> BoxGlyphs {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8" ? .unicode : .ascii
    }

    /// Glyphs the current C locale can encode. Read it after `setlocale(LC_ALL, "")` (which
    /// `CursesTerminal` does): until then every process is in the "C" locale, which is ASCII.
    public static func forLocale() -> BoxGlyphs {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return .ascii }
        return forCodeset(String(cString: codeset))
    }
}
