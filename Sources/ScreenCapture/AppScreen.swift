import Foundation

/// Reading the app's screens as text, the way an operator reads them: for the end-to-end tests
/// (tmux captures) and the in-process tests (`Screen.lines`).
public enum AppScreen {
    public static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The server names of the list, top to bottom, read under the "NAME" header line.
    public static func serverNames(_ screen: String) -> [String] {
        let all = lines(screen)
        guard let header = all.firstIndex(where: isTableHeader) else { return [] }
        return all[(header + 1)...]
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("──") }
            .compactMap { $0.dropFirst().split(separator: " ").first.map(String.init) }
    }

    /// The list marks the selected row with "▸" (">" in ASCII) in the column left of the table.
    public static let selectionMarkers: [Character] = ["▸", ">"]

    /// The table's header line; sorted by name it reads `NAME↑` or `NAME↓`.
    public static func isTableHeader(_ line: String) -> Bool {
        [" NAME ", " NAME↑", " NAME↓"].contains { line.hasPrefix($0) }
    }

    /// The list row of one server, or nil.
    public static func serverRow(_ screen: String, _ name: String) -> String? {
        lines(screen).first { line in
            line.dropFirst().hasPrefix("\(name) ") && (line.first == " " || selectionMarkers.contains(line.first ?? " "))
        }
    }

    /// The name on the row drawn in reverse video (the selection), from a `capture-pane -e` screen.
    /// Line 0 (the reversed header bar) is not a row.
    public static func selectedServer(_ escaped: String) -> String? {
        let reversed = ScreenAttributes.reversedText(escaped)
        return reversed.dropFirst(2)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
            .flatMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Whether some text is drawn in reverse video (a focused field or button).
    public static func isReversed(_ escaped: String, _ text: String) -> Bool {
        ScreenAttributes.reversedText(escaped).contains { $0.contains(text) }
    }

    /// Whether the "── Jobs ──" pane is on screen.
    public static func hasJobsPane(_ screen: String) -> Bool {
        lines(screen).contains { $0.hasPrefix("── Jobs") }
    }

    /// The job pane line of a server, split into columns: name, api, status, elapsed, rest…
    public static func jobPane(_ screen: String, server: String) -> [String]? {
        let all = lines(screen)
        guard let top = all.firstIndex(where: { $0.hasPrefix("── Jobs") }) else { return nil }
        return all[(top + 1)...]
            .first { $0.hasPrefix(" \(server) ") }
            .map { $0.split(separator: " ").map(String.init) }
    }

    /// The line after the job pane's first line: its detail ("done at …", an error…).
    public static func jobDetail(_ screen: String, server: String) -> String? {
        let all = lines(screen)
        guard let top = all.firstIndex(where: { $0.hasPrefix("── Jobs") }),
              let row = all[(top + 1)...].firstIndex(where: { $0.hasPrefix(" \(server) ") }),
              row + 1 < all.count
        else { return nil }
        return all[row + 1].trimmingCharacters(in: .whitespaces)
    }

    /// The line under "Endpoint": why v1 or v2 was chosen.
    public static func endpointReason(_ screen: String) -> String? {
        let all = lines(screen)
        guard let row = all.firstIndex(where: { $0.hasPrefix(" Endpoint ") }), row + 1 < all.count else { return nil }
        return all[row + 1].trimmingCharacters(in: .whitespaces)
    }

    /// The form line that starts with a field label, e.g. "Password".
    public static func formLine(_ screen: String, label: String) -> String? {
        lines(screen).first { $0.hasPrefix(" \(label) ") }
    }
}
