import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reinstall survives the death of the process that submitted it (`kill -9`, a dropped SSH
/// session): the job was journaled before its pane appeared, and the next start resumes it.
@Suite("End to end: jobs resume after the process is killed", .timeLimit(.minutes(1)))
struct ResumeAfterKillTests {
    @Test("submit, kill -9, start again: the pane resumes and reaches SUCCESS")
    func aKilledSessionResumesItsJob() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-e2e-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let readyFile = folder.appendingPathComponent("simulator.out")
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"

        // A standalone simulator outlives the TUI, as the real cloud would.
        try await tmux.type("B=\(quoted); \"$B\" simulator --port 0 --ak E2EAK --sk e2e-secret "
            + "--project-id e2eproject --region cn-north-4 --job-seconds 8 > '\(readyFile.path)' 2>&1 &")
        try await tmux.press("Enter")
        let url = try await simulatorURL(readyFile)

        // Credentials come from the official SDK variables, never from arguments.
        try await tmux.type("export HUAWEICLOUD_SDK_AK=E2EAK HUAWEICLOUD_SDK_SK=e2e-secret "
            + "XDG_STATE_HOME='\(folder.path)'; r() { \"$B\" --region cn-north-4 --endpoint \(url); }")
        try await tmux.press("Enter")
        try await tmux.type("r")
        try await tmux.press("Enter")
        try await tmux.waitFor("REAL → 127.0.0.1", "web-01", " servers")
        #expect(!(try await tmux.capture()).contains("DEMO"), "credentials are set: not the demo")

        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "endpoint decided (v2)")
        try await tmux.press("BTab", "BTab")  // login → endpoint → (wrapping) the button
        try await tmux.press("Enter")
        try await tmux.waitFor("Review: reinstall the OS of web-01", "Type the name or the id")
        try await tmux.type("web-01")  // the typed confirmation
        try await tmux.press("Enter")
        try await tmux.waitFor("submitted via v2")
        let screen = try await tmux.waitUntil("the job pane shows a running job") { screen in
            AppScreen.jobPane(screen, server: "web-01").map { pane in
                pane.contains { $0.contains("INIT") || $0.contains("RUNNING") }
            } ?? false
        }
        let journal = try String(contentsOf: folder.appendingPathComponent("ecs-reinstall/jobs.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"serverName\":\"web-01\""), "the job is journaled once its pane shows\n\(screen)")
        #expect(!journal.contains("e2e-secret"), "the journal never holds a secret")

        let pid = try await tuiPid(tmux)
        #expect(sendSignal(pid, SIGKILL) == 0)
        // The killed process restores nothing; the shell reads the next line all the same.
        for _ in 0..<200 where FileManager.default.fileExists(atPath: "/proc/\(pid)") {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the TUI survived SIGKILL")
        try await Task.sleep(for: .milliseconds(200))

        try await tmux.type("r")
        try await tmux.press("Enter")
        try await tmux.waitFor("Resumed 1 unfinished job")
        try await tmux.waitUntil("the resumed pane reaches SUCCESS", timeout: .seconds(30)) { screen in
            AppScreen.jobPane(screen, server: "web-01").map { pane in pane.contains { $0.contains("SUCCESS") } } ?? false
        }
        try await tmux.press("q")
        try await tmux.type("kill %1")
        try await tmux.press("Enter")
    }

    /// Reads the simulator's one ready line for its URL.
    private func simulatorURL(_ file: URL) async throws -> String {
        for _ in 0..<400 {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let url = text.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }) {
                return String(url)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw EndToEndFailure(description: "the simulator printed no URL: \((try? String(contentsOf: file, encoding: .utf8)) ?? "")")
    }

    /// The TUI among the shell's children (the simulator is the other one).
    private func tuiPid(_ tmux: TmuxSession) async throws -> pid_t {
        let shell = try await tmux.display("#{pane_pid}")
        let pgrep = try Subprocess.find("pgrep")
        let children = try await Subprocess.run(pgrep, ["-P", shell]).stdout
            .split(whereSeparator: \.isNewline).compactMap { pid_t($0) }
        for child in children {
            let arguments = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(child)/cmdline")))
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
            if arguments.contains("--endpoint") { return child }
        }
        throw EndToEndFailure(description: "no TUI among the shell's children \(children)")
    }
}
