import Foundation
import ScreenCapture
import Testing

@testable import App

/// The demo's server list in process: the `/` filter, sorting and resizing, read off the screen.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct ServerListInProcessTests {
    static let demoServers = [
        "web-01", "web-02", "legacy-app", "win-ad-01", "数据库-主节点", "数据库-从节点",
        "build-runner", "win-rdp-02", "batch-locked", "scratch-nodisk", "cache-01", "imported-app",
    ]

    @Test("`/win` narrows the rows to the Windows servers; Enter keeps the filter, Esc clears it")
    func filterNarrowsAndClears() async throws {
        let app = try await InProcessApp.start(width: 120, height: 35)
        #expect(AppScreen.serverNames(app.screen) == Self.demoServers, "\(app.screen)")
        app.press(.character("/"))
        app.type("win")
        #expect(AppScreen.serverNames(app.screen) == ["win-ad-01", "win-rdp-02"], "\(app.screen)")
        let field = app.lines[1]
        #expect(field.hasPrefix(" /win") && field.contains("2 match"), "row 1 is the filter field\n\(app.screen)")

        app.press(.down)
        #expect(app.isReversed("win-rdp-02"), "\(app.screen)")
        app.press(.enter)
        #expect(app.screen.contains("Servers 2 of 12 match “win”"), "\(app.screen)")
        #expect(AppScreen.serverNames(app.screen) == ["win-ad-01", "win-rdp-02"], "\(app.screen)")

        app.press(.escape)
        #expect(AppScreen.serverNames(app.screen) == Self.demoServers, "\(app.screen)")
        #expect(app.isReversed("win-rdp-02"), "clearing the filter keeps the selection\n\(app.screen)")
        #expect(app.lines[1].contains("Servers 12 servers"), "\(app.screen)")
        await app.stop()
    }

    @Test("`s` sorts by name (natural, case-insensitive, ASCII before CJK); `S` reverses")
    func sortByName() async throws {
        let app = try await InProcessApp.start(width: 120, height: 35)
        let expected = Self.demoServers.sorted(by: NaturalOrder.precedes)
        #expect(Array(expected.suffix(2)) == ["数据库-主节点", "数据库-从节点"], "the oracle itself: CJK sorts last")

        app.press(.character("s"))
        #expect(app.lines.contains { $0.hasPrefix(" NAME↑") }, "\(app.screen)")
        #expect(AppScreen.serverNames(app.screen) == expected, "\(app.screen)")

        app.press(.character("S"))
        #expect(app.lines.contains { $0.hasPrefix(" NAME↓") }, "\(app.screen)")
        #expect(AppScreen.serverNames(app.screen) == expected.reversed(), "\(app.screen)")
        await app.stop()
    }

    @Test("Shrinking below 60×16 shows a notice; growing back restores the list and its selection")
    func resizeKeepsSelection() async throws {
        let app = try await InProcessApp.start(width: 120, height: 35)
        app.select("win-ad-01")
        app.resize(width: 40, height: 10)
        #expect(app.lines.first?.hasPrefix("Terminal too small (need 60×16)") == true, "\(app.screen)")
        #expect(app.screen.contains("have 40×10: enlarge the window"), "\(app.screen)")

        app.resize(width: 120, height: 35)
        #expect(AppScreen.serverNames(app.screen) == Self.demoServers, "\(app.screen)")
        #expect(app.isReversed("win-ad-01"), "\(app.screen)")
        await app.stop()
    }
}
/// The order the list promises when sorted by name, written independently of the app: case-insensitive,
/// runs of digits compared as numbers, other characters by code point (so ASCII before CJK).
enum NaturalOrder {
    enum Token: Equatable {
        case number(Int)
        case character(Unicode.Scalar)
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                continue
            }
            if !digits.isEmpty { tokens.append(.number(Int(digits) ?? 0)); digits = "" }
            tokens.append(.character(scalar))
        }
        if !digits.isEmpty { tokens.append(.number(Int(digits) ?? 0)) }
        return tokens
    }

    static func precedes(_ a: String, _ b: String) -> Bool {
        for (x, y) in zip(tokens(a), tokens(b)) where x != y {
            switch (x, y) {
            case let (.number(m), .number(n)): return m < n
            case let (.character(c), .character(d)): return c.value < d.value
            case (.number, .character(let d)): return Unicode.Scalar("0").value < d.value
            case (.character(let c), .number): return c.value < Unicode.Scalar("0").value
            }
        }
        return tokens(a).count < tokens(b).count
    }
}
