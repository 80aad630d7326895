import Foundation
import ScreenCapture
import Testing

/// The demo, as an operator sees it in a real terminal: a reinstalled server ends "ready to log
/// in" with the known_hosts advice (the demo's own file, seeded with old keys), and `x`, `y`
/// removes the old entries. Everything probed is on loopback.
@Suite("End to end: ready to log in in the demo", .timeLimit(.minutes(1)))
struct DemoLoginReadyTests {
    @Test("web-01 reinstalled in the demo: SUCCESS, then ready to log in with the known_hosts advice; x y removes the old key")
    func theDemoEndsReadyToLogIn() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 120, height: 35)
        try await tmux.launchDemo(binary: binary, jobSeconds: 2)
        try await tmux.waitFor("DEMO — simulated cloud", "12 servers", "web-01")
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }
        try await tmux.press("Enter")
        try await tmux.waitUntil("the web-01 form to be complete") {
            !$0.contains("✗") && !$0.contains("complete the checklist first") && $0.contains("ops-ed25519 ▸ (current)")
        }
        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall web-01 ]", fromKeypairLogin: true)
        try await tmux.press("Enter")
        try await ReinstallDriving.confirmByName(tmux, "web-01")

        let ready = try await tmux.waitUntil("web-01 ready to log in", timeout: .seconds(40)) {
            $0.contains("ready to log in: ssh ")
        }
        #expect(AppScreen.jobPane(ready, server: "web-01")?[2] == "SUCCESS", "the status word stays\n\(tmux.screenDump)")
        #expect(ready.contains("root@127.0.0.2"), "\(tmux.screenDump)")

        try await tmux.press("J")
        try await tmux.press("Enter")
        let details = try await tmux.waitFor("Job of web-01", "SSH answers after", "x runs: ssh-keygen -R")
        let words = details.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("known_hosts has 2 entries for [127.0.0.2]:"), "\(tmux.screenDump)")
        #expect(words.contains("(1 hashed): the old host key; run: ssh-keygen -R '[127.0.0.2]:"), "\(tmux.screenDump)")

        try await tmux.press("x")
        try await tmux.waitFor("Remove 2 old host key entries for [127.0.0.2]:", "? y/n")
        try await tmux.press("y")
        // Asking closed the details (they cover the question's rows): opened again, they say what is left.
        try await tmux.waitFor("removed 2 entries for [127.0.0.2]:")
        try await tmux.press("Enter")
        try await tmux.waitFor("Job of web-01", "no entry for [127.0.0.2]:")

        // One key at a time: Esc then a letter at once would read as Alt and the letter.
        try await tmux.press("Escape")
        try await tmux.waitUntil("the details closed") { !$0.contains("Job of web-01") }
        try await tmux.press("Escape")
        try await tmux.waitFor("Enter reinstall")
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")
    }
}
