import Foundation
import TerminalKit
import Testing

/// Compares a rendered screen with `Snapshots/<name>.txt` beside this file.
/// A snapshot is (re)written only when UPDATE_SNAPSHOTS=1 is set, never silently.
///
/// The file holds two layers of the same grid: the text, each line untrimmed and closed by `│` at
/// the screen's real width (so trailing spaces and the width are seen in review), then the styles,
/// one letter per cell (a space for the plain style), closed the same way, and the legend of the
/// letters. A selection that is not reversed or an error that is not red changes the file.
func assertSnapshot(_ screen: Screen, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = snapshotText(screen)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("No snapshot \(name).txt; run with UPDATE_SNAPSHOTS=1 to record it:\n\(actual)",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "screen differs from \(name).txt:\n\(actual)", sourceLocation: sourceLocation)
}

/// The two layers as they are stored; see `assertSnapshot`.
func snapshotText(_ screen: Screen) -> String {
    let styles = screen.styleLayer
    let text = screen.fullLines.map { $0 + "│" }
    let layer = styles.lines.map { $0 + "│" }
    return (text + ["── styles ──"] + layer + styles.legendLines).joined(separator: "\n") + "\n"
}
