import Foundation
import ScreenCapture
import Testing

/// The server list of the demo in a real terminal: resizing, the help overlay, and how it draws
/// without colours or without UTF-8. (Filtering and sorting are tested in process.)
@Suite("End to end: the server list", .serialized, .timeLimit(.minutes(1)))
struct ServerListTests {
    static let demoServers = [
        "web-01", "web-02", "legacy-app", "win-ad-01", "数据库-主节点", "数据库-从节点",
        "build-runner", "win-rdp-02", "batch-locked", "scratch-nodisk", "cache-01", "imported-app",
    ]

    /// Moves the selection down with `j` to `name` and waits until its row is drawn in reverse video.
    private func select(_ name: String, in tmux: TmuxSession, list: String) async throws {
        let names = AppScreen.serverNames(list)
        let target = try #require(names.firstIndex(of: name), "\(name) is not in the list \(names)\n\(tmux.screenDump)")
        try await tmux.waitUntil("the first row to be selected", escapes: true) {
            AppScreen.selectedServer($0) == names.first
        }
        try await tmux.press("j", times: target)
        try await tmux.waitUntil("\(name) to be the selected (reverse-video) row", escapes: true) {
            AppScreen.selectedServer($0) == name
        }
    }

    /// A `capture-pane -e` screen without its escape sequences.
    private func plain(_ escaped: String) -> String {
        escaped.replacing(/\x{1B}\[[0-9;:]*[A-Za-z]/, with: "")
    }

    private func resize(_ tmux: TmuxSession, width: Int, height: Int) async throws {
        try await tmux.command(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// Shrinks the terminal below the minimum, checks the notice, and grows it back.
    private func shrinkAndRestore(_ tmux: TmuxSession) async throws {
        try await resize(tmux, width: 40, height: 10)
        let small = try await tmux.waitFor("Terminal too small (need 60×16)", "have 40×10: enlarge the window")
        #expect(AppScreen.lines(small).first?.hasPrefix("Terminal too small") == true, "\(tmux.screenDump)")
        try await resize(tmux, width: 120, height: 35)
    }

    @Test("Shrinking below 60×16 shows a notice; growing back restores the list and its selection")
    func resizeKeepsSelection() async throws {
        let tmux = try await TmuxSession(width: 120, height: 35)
        let list = try await tmux.launchDemoAndWaitForList(binary: try AppBinary.locate())
        try await select("win-ad-01", in: tmux, list: list)

        try await shrinkAndRestore(tmux)
        let back = try await tmux.waitUntil("the whole list again with win-ad-01 selected", escapes: true) {
            AppScreen.selectedServer($0) == "win-ad-01" && AppScreen.serverNames(plain($0)).count == 12
        }
        #expect(!back.contains("Terminal too small"), "\(tmux.screenDump)")
        #expect(AppScreen.serverNames(tmux.lastScreen) == Self.demoServers, "\(tmux.screenDump)")
    }

    @Test("Shrinking below 60×16 and back keeps the open reinstall form")
    func resizeKeepsForm() async throws {
        let tmux = try await TmuxSession(width: 120, height: 35)
        _ = try await tmux.launchDemoAndWaitForList(binary: try AppBinary.locate())
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01")

        try await shrinkAndRestore(tmux)
        let back = try await tmux.waitFor("Reinstall the OS of web-01")
        #expect(!back.contains("Terminal too small"), "\(tmux.screenDump)")
        #expect(AppScreen.serverNames(back).isEmpty, "the form, not the list, must be shown\n\(tmux.screenDump)")
    }

    @Test("`?` shows the keys of the list in a box; Esc closes it")
    func helpOverlay() async throws {
        let tmux = try await TmuxSession(width: 120, height: 35)
        _ = try await tmux.launchDemoAndWaitForList(binary: try AppBinary.locate())
        try await tmux.press("?")
        // The box's last line too: a capture can catch a frame half written.
        let help = try await tmux.waitFor("Keys of the server list", "Esc close the help")
        let box = HelpBox.lines(help, vertical: "│")
        #expect(AppScreen.lines(help).contains { $0.contains("┌") && $0.contains("Keys of the server list") },
                "\(tmux.screenDump)")
        #expect(box.contains { $0.contains("reinstall") }, "\(box)\n\(tmux.screenDump)")
        #expect(box.contains { $0.contains("quit") }, "\(box)\n\(tmux.screenDump)")

        try await tmux.press("Escape")
        let closed = try await tmux.waitUntil("the help to close") { !$0.contains("Keys of the server list") }
        #expect(AppScreen.serverNames(closed) == Self.demoServers, "\(tmux.screenDump)")
    }

    @Test("NO_COLOR=1 draws no colour, yet the selection is still reverse video")
    func noColor() async throws {
        let binary = try AppBinary.locate()
        // The control: by default the list has colours, so the check below can fail. The test runner
        // may itself set NO_COLOR (when its output is not a terminal); empty means unset.
        let coloured = try await TmuxSession(width: 120, height: 35, environment: ["NO_COLOR": ""])
        _ = try await coloured.launchDemoAndWaitForList(binary: binary)
        let withColour = try await coloured.waitUntil("web-01 selected", escapes: true) {
            AppScreen.selectedServer($0) == "web-01"
        }
        #expect(!ScreenAttributes.colours(withColour).isEmpty, "colours are expected by default\n\(coloured.screenDump)")
        coloured.kill()

        let monochrome = try await TmuxSession(width: 120, height: 35, environment: ["NO_COLOR": "1"])
        _ = try await monochrome.launchDemoAndWaitForList(binary: binary)
        let withoutColour = try await monochrome.waitUntil("web-01 selected", escapes: true) {
            AppScreen.selectedServer($0) == "web-01"
        }
        #expect(ScreenAttributes.colours(withoutColour).isEmpty,
                "colour codes \(Set(ScreenAttributes.colours(withoutColour)).sorted())\n\(monochrome.screenDump)")
    }

    @Test("In a non-UTF-8 locale the help box is framed with + - |")
    func asciiFrames() async throws {
        let tmux = try await TmuxSession(width: 120, height: 35, environment: ["LANG": "C", "LC_ALL": "C"])
        try await tmux.launchDemo(binary: try AppBinary.locate())
        try await tmux.waitFor("12 servers", "imported-app")
        try await tmux.press("?")
        let help = try await tmux.waitFor("Keys of the server list")
        let title = AppScreen.lines(help).first { $0.contains("Keys of the server list") } ?? ""
        #expect(title.contains("+-"), "ASCII corner expected: \(title)\n\(tmux.screenDump)")
        for glyph in ["┌", "┐", "└", "┘", "│", "─"] {
            #expect(!help.contains(glyph), "\(glyph) drawn in the C locale\n\(tmux.screenDump)")
        }
        let box = HelpBox.lines(help, vertical: "|")
        #expect(box.contains { $0.contains("quit") }, "\(box)\n\(tmux.screenDump)")
    }
}

/// The inside of the help box: the text between its side borders, from under the title to the bottom.
private enum HelpBox {
    static func lines(_ screen: String, vertical: Character) -> [String] {
        let all = AppScreen.lines(screen)
        guard let top = all.firstIndex(where: { $0.contains("Keys of the server list") }) else { return [] }
        return all[(top + 1)...]
            .prefix { $0.contains(vertical) }
            .map { line in
                guard let left = line.firstIndex(of: vertical), let right = line.lastIndex(of: vertical), left < right
                else { return "" }
                return String(line[line.index(after: left)..<right]).trimmingCharacters(in: .whitespaces)
            }
    }
}
