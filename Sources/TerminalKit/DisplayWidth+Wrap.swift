extension DisplayWidth {
    /// Word-wraps `text` into lines of at most `width` columns, breaking at spaces; a word wider
    /// than a line gets a line of its own, cut with "…".
    public static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ") {
            let wordWidth = of(String(word))
            if current.isEmpty {
                current = String(word)
                currentWidth = wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                current = String(word)
                currentWidth = wordWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { truncate($0, to: width) }
    }

    /// Word-wraps `text` losing nothing: a word wider than a line (an id, a URL, a sentence in
    /// Chinese) is broken across lines instead of cut. Line breaks in `text` are kept.
    public static func wrapWhole(_ text: String, to width: Int) -> [String] {
        let room = max(1, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
            let words = paragraph.split(separator: " ").flatMap { word -> [String] in
                of(String(word)) > room ? breakLines(String(word), to: room) : [String(word)]
            }
            // Broken pieces are words that fill a line each, so `wrap` keeps them whole.
            let lines = wrap(words.joined(separator: " "), to: room)
            return lines.isEmpty ? [""] : lines
        }
    }

    /// Breaks `text` into lines of at most `width` columns anywhere (for URLs and ids, which have
    /// no spaces), never splitting a wide character.
    public static func breakLines(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for character in text {
            let characterWidth = of(character)
            if currentWidth + characterWidth > width, !current.isEmpty {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            current.append(character)
            currentWidth += characterWidth
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
