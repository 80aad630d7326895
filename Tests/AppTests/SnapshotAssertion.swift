import Foundation
import TerminalKit
import Testing

/// Compares a rendered screen, as plain text lines, with `Snapshots/<name>.txt` beside this file.
/// A snapshot is (re)written only when UPDATE_SNAPSHOTS=1 is set, never silently.
func assertSnapshot(_ screen: Screen, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    // A frame line marks the right edge so trailing spaces and width stay visible in review.
    let actual = screen.lines.map { $0 + "│" }.joined(separator: "\n") + "\n"
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
