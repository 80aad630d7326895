import Foundation
import TerminalKit

/// Output of the commands for scripts: results on stdout, everything for the operator on stderr.
///
/// Text lines pass through `TerminalText` (the UI's rule): a control character the cloud put in
/// a name or a message shows as `\xHH` instead of acting on the terminal. Cloud text should be
/// made visible where it enters a message (`String.shown`), so that its line breaks show too;
/// this is the net under that. JSON is exact data and is not touched, except that JSON's own
/// escaping is extended to DEL and C1, which JSONEncoder leaves raw.
enum Console {
    // Written with `QuietOutput`: after a hang-up, a message that cannot be written is dropped,
    // never a trap while a reinstall's answer is awaited or journaled.
    static func out(_ line: String) {
        QuietOutput.write(TerminalText.visibleLines(line) + "\n", to: STDOUT_FILENO)
    }

    static func error(_ line: String) {
        QuietOutput.write(TerminalText.visibleLines(line) + "\n", to: STDERR_FILENO)
    }

    /// Pretty, sorted-key JSON: the same value always prints the same text.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = escapingDelAndC1(String(decoding: try encoder.encode(value), as: UTF8.self))
        QuietOutput.write(text + "\n", to: STDOUT_FILENO)
    }

    /// `\u007f` … `\u009f` for DEL and the C1 controls. JSON allows them raw, and they can only
    /// occur inside strings, so the escape decodes to the same value; raw, U+009B is a CSI to
    /// some terminals.
    static func escapingDelAndC1(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension String {
    /// This cloud-supplied text as a terminal shows it: control characters (line breaks
    /// included) as `\xHH`. See `TerminalText`.
    var shown: String { TerminalText.visible(self) }
}
