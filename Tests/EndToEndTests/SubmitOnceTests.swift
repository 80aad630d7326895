import Foundation
import Testing

/// Against the standalone simulator with a slow API: the operator leaves the form while the
/// reinstall is on its way and presses Enter on the same server again. The list says the server
/// is being submitted and refuses; one job comes of it.
@Suite("End to end: a slow submission is not sent twice", .timeLimit(.minutes(2)))
struct SubmitOnceTests {
    @Test("Esc while submitting, then Enter on the same server, is refused; one job results")
    func escThenEnterWhileSubmittingIsRefused() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-e2e-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let readyFile = folder.appendingPathComponent("simulator.out")
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"

        // Every answer takes 3 s, as a congested API gateway's can.
        try await tmux.type("B=\(quoted); \"$B\" simulator --port 0 --ak E2EAK --sk e2e-secret "
            + "--project-id e2eproject --region cn-north-4 --job-seconds 60 --latency-ms 3000 "
            + "> '\(readyFile.path)' 2>&1 &")
        try await tmux.press("Enter")
        let url = try await simulatorURL(readyFile)
        try await tmux.type("export HUAWEICLOUD_SDK_AK=E2EAK HUAWEICLOUD_SDK_SK=e2e-secret "
            + "HUAWEICLOUD_SDK_PROJECT_ID=e2eproject XDG_STATE_HOME='\(folder.path)'; "
            + "\"$B\" --region cn-north-4 --endpoint \(url)")
        try await tmux.press("Enter")
        try await tmux.waitFor("REAL → 127.0.0.1", "web-01", " servers", timeout: .seconds(30))

        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "endpoint decided (v2)", timeout: .seconds(30))
        _ = try await tmux.waitUntil("the web-01 form to be complete", timeout: .seconds(30)) {
            !$0.contains("✗") && !$0.contains("complete the checklist first")
        }
        try await tmux.press("BTab", "BTab")  // login → endpoint → (wrapping) the button; ↓ would move in the key pair list
        try await tmux.press("Enter")
        try await tmux.waitFor("Review: reinstall the OS of web-01", "Type the name or the id")
        try await tmux.type("web-01")
        try await tmux.waitFor("Enter sends it")
        try await tmux.press("Enter")
        try await tmux.waitFor("Submitting…")

        // The operator gives up on the form while the answer is slow, and tries again.
        try await tmux.press("Escape")
        let marked = try await tmux.waitUntil("web-01's row to show SUBMITTING") {
            AppScreen.serverRow($0, "web-01")?.contains("SUBMITTING") == true
        }
        #expect(!marked.contains("Reinstall the OS of"), "Esc closed the form\n\(tmux.screenDump)")
        try await tmux.press("Enter")
        let refused = try await tmux.waitFor("is being submitted; wait for the cloud's answer")
        #expect(!refused.contains("Reinstall the OS of"), "no second form opens\n\(tmux.screenDump)")

        // The one answer arrives: one job, journaled once.
        try await tmux.waitFor("submitted via v2", timeout: .seconds(30))
        let journal = try String(contentsOf: folder.appendingPathComponent("ecs-reinstall/jobs.jsonl"), encoding: .utf8)
        let entries = journal.split(whereSeparator: \.isNewline).filter { $0.contains("\"serverName\":\"web-01\"") }
        #expect(entries.count == 1, "\(journal)")

        try await tmux.press("q")
        try await tmux.type("kill %1")
        try await tmux.press("Enter")
    }

    @Test("A job another process started while the TUI shows the server ACTIVE: the TUI sends nothing")
    func aSecondActorsJobMeansTheTUISendsNothing() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--job-seconds", "60"]))
        let binary = try AppBinary.locate()
        let variables = cli.environment.merging(["TERM": "xterm-256color"]) { $1 }
        let tmux = try await TmuxSession(width: 100, height: 30, environment: variables)
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        try await tmux.type("\(quoted) --region cn-north-4 --endpoint \(cli.simulator.url)")
        try await tmux.press("Enter")
        try await tmux.waitFor("REAL → 127.0.0.1", "web-01", " servers")
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "endpoint decided (v2)")
        _ = try await tmux.waitUntil("the web-01 form to be complete") {
            !$0.contains("✗") && !$0.contains("complete the checklist first")
        }
        try await tmux.press("BTab", "BTab")  // login → endpoint → (wrapping) the button; ↓ would move in the key pair list
        try await tmux.press("Enter")
        try await tmux.waitFor("Review: reinstall the OS of web-01", "Type the name or the id")

        // Meanwhile a script reinstalls web-01; the TUI still shows it as it was.
        let other = try await cli.run(["reinstall", "web-01", "--keypair", "ops-ed25519", "--stop", "--yes"])
        #expect(other.status == 0, "\(other.all)")
        let journalBefore = cli.journal()

        try await tmux.type("web-01")
        try await tmux.waitFor("Enter sends it")
        try await tmux.press("Enter")
        let refused = try await tmux.waitFor("Nothing was sent; web-01 is busy")
        #expect(!refused.contains("submitted via"), "\(tmux.screenDump)")
        #expect(cli.journal() == journalBefore, "the TUI journaled no job of its own")
        try await tmux.press("Escape")
        try await tmux.press("q")
    }

    /// Reads the simulator's one ready line for its URL.
    private func simulatorURL(_ file: URL) async throws -> String {
        for _ in 0..<400 {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let url = text.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }) {
                return url.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw EndToEndFailure(description: "the simulator printed no URL")
    }
}
