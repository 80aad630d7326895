extension DisplayWidth {
    /// Where a cut text loses its characters.
    public enum Cut: Sendable, Equatable {
        /// `web-server-…`: for prose, whose start says the most.
        case end
        /// `华北区域-生…-节点-00030`: for names, whose numbered tails tell them apart.
        case middle
    }

    /// Cuts to at most `width` columns, keeping the start and the end around one "…" in the middle.
    /// The end gets the larger half (it tells numbered names apart); a wide character or a grapheme
    /// is never split, and a column a wide character could not use goes to the other side.
    public static func truncateMiddle(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = width - 1
        guard budget > 0 else { return "…" }
        let characters = Array(text)
        var tailStart = characters.count
        var tailWidth = 0
        let tailBudget = (budget + 1) / 2
        while tailStart > 0, tailWidth + of(characters[tailStart - 1]) <= tailBudget {
            tailStart -= 1
            tailWidth += of(characters[tailStart])
        }
        var headEnd = 0
        var headWidth = 0
        while headEnd < tailStart, headWidth + of(characters[headEnd]) <= budget - tailWidth {
            headWidth += of(characters[headEnd])
            headEnd += 1
        }
        // A wide character at the head's edge may have left a column the tail can use.
        while tailStart > headEnd, headWidth + tailWidth + of(characters[tailStart - 1]) <= budget {
            tailStart -= 1
            tailWidth += of(characters[tailStart])
        }
        return String(characters[..<headEnd]) + "…" + String(characters[tailStart...])
    }

    /// Cuts as `cut` says, then pads with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, cut: Cut) -> String {
        guard cut == .middle else { return fit(text, to: width) }
        let truncated = truncateMiddle(text, to: width)
        return truncated + String(repeating: " ", count: max(0, width - of(truncated)))
    }
}
