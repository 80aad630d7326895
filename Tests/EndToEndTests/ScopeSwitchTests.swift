import Foundation
import ScreenCapture
import Testing

/// `:` in the real binary: another region without a restart, remembered for the next start of
/// the TUI (under a scratch XDG_STATE_HOME), and `--region` still winning.
@Suite("End to end: switching region", .serialized, .timeLimit(.minutes(1)))
struct ScopeSwitchTests {
    @Test("`:` east Enter shows cn-east-3; the next start opens there; --region cn-north-4 wins and offers it first")
    func theLastScopeIsRememberedAndRegionWins() async throws {
        let binary = try AppBinary.locate()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-e2e-scope-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let tmux = try await TmuxSession(width: 100, height: 30, environment: ["XDG_STATE_HOME": state.path])
        _ = try await tmux.launchDemoAndWaitForList(binary: binary)

        try await tmux.type(":")
        try await tmux.waitFor("Switch region or project", "cn-east-3", "ap-southeast-1", "project cn-north-4_staging")
        try await tmux.type("east")
        try await tmux.press("Enter")
        let east = try await tmux.waitFor("east-web-01", "east-db-01", "east-win-01", "3 servers")
        #expect(AppScreen.lines(east).first?.contains("cn-east-3 · project 4b2e7c1d") == true, "\(tmux.screenDump)")
        #expect(!east.contains("web-02"), "\(tmux.screenDump)")
        let file = state.appendingPathComponent("ecs-reinstall/last-scope.json")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")

        // The next start opens where the last one was left.
        try await tmux.type("clear; r")
        try await tmux.press("Enter")
        let again = try await tmux.waitFor("DEMO — simulated cloud", "east-web-01", "3 servers")
        #expect(AppScreen.lines(again).first?.contains("cn-east-3") == true, "\(tmux.screenDump)")
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")

        // --region wins; the remembered scope is offered first.
        try await tmux.type("clear; \"$B\" --demo --region cn-north-4; echo \"EXITED=$?\"")
        try await tmux.press("Enter")
        _ = try await tmux.waitFor("DEMO — simulated cloud", "12 servers", "web-01")
        try await tmux.type(":")
        let picker = try await tmux.waitFor("Switch region or project", "last used")
        let offered = AppScreen.lines(picker).first { $0.contains("last used") } ?? ""
        #expect(offered.contains("cn-east-3"), "\(tmux.screenDump)")
        try await tmux.press("Escape")
        // Waited for: an Escape and a `q` close together read as Alt-q.
        try await tmux.waitUntil("the picker to close") { !$0.contains("Switch region or project") }
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")
    }
}
