/// Reading the attributes of a terminal screen captured with `tmux capture-pane -e`, for the
/// end-to-end tests and the benchmarks.
public enum ScreenAttributes {
    /// For each screen line, the text drawn in reverse video (selected rows, focused buttons).
    /// The SGR state carries across lines, as `capture-pane -e` only emits changes.
    public static func reversedText(_ captured: String) -> [String] {
        var lines: [String] = [""]
        var reverse = false
        var scalars = Array(captured.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}" {
                guard scalars.first == "[" else { _ = scalars.popFirst(); continue }
                scalars = scalars.dropFirst()
                var body = ""
                while let next = scalars.popFirst() {
                    if next == ";" || next == ":" || ("0"..."9").contains(next) {
                        body.unicodeScalars.append(next)
                        continue
                    }
                    if next == "m" { apply(body, to: &reverse) }
                    break
                }
                continue
            }
            if scalar == "\n" {
                lines.append("")
            } else if reverse {
                lines[lines.count - 1].unicodeScalars.append(scalar)
            }
        }
        return lines
    }

    /// The colour parameters of every SGR sequence, as written (`31`, `38;5;208`, `48;2;0;0;0`):
    /// foreground 30–37, 90–97 and 38, background 40–47, 100–107 and 48. Defaults (39, 49) are no colour.
    public static func colours(_ captured: String) -> [String] {
        captured.matches(of: /\x{1B}\[([0-9;:]*)m/).flatMap { match -> [String] in
            let params = match.1.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            var found: [String] = []
            var index = 0
            while index < params.count {
                let code = params[index]
                if code == 38 || code == 48 {
                    let length = index + 1 < params.count && params[index + 1] == 5 ? 3 : 5
                    found.append(params[index..<min(params.count, index + length)].map(String.init).joined(separator: ";"))
                    index += length
                    continue
                }
                if (30...37).contains(code) || (90...97).contains(code)
                    || (40...47).contains(code) || (100...107).contains(code) {
                    found.append(String(code))
                }
                index += 1
            }
            return found
        }
    }

    private static func apply(_ body: String, to reverse: inout Bool) {
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var index = 0
        while index < params.count {
            switch params[index] {
            case 0: reverse = false
            case 7: reverse = true
            case 27: reverse = false
            case 38, 48, 58:
                // 38;5;n or 38;2;r;g;b: skip the colour's own numbers.
                if index + 1 < params.count { index += params[index + 1] == 5 ? 2 : 4 }
            default: break
            }
            index += 1
        }
    }
}
