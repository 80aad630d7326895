import Foundation
import Testing

/// `reinstall` without --yes, on a real terminal (tmux): the server's name is asked on /dev/tty,
/// even though stdin carries the password, and only an exact match sends the reinstall.
@Suite("Command line: confirmation on the terminal", .serialized, .timeLimit(.minutes(1)))
struct CommandLineConfirmationTests {
    @Test("A wrong name sends nothing; the exact name sends the reinstall")
    func confirmOnTerminal() async throws {
        let binary = try AppBinary.locate()
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let passwordFile = cli.scratch.path("password")
        try Data("Sup3r-Secret.Pw\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        let tmux = try await TmuxSession(width: 120, height: 30)
        defer { tmux.kill() }

        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let exports = cli.environment.filter { $0.key != "PATH" }
            .map { "\($0.key)=\(quoted($0.value))" }.sorted().joined(separator: " ")
        // "RC""=" on the typed line, "RC=<status>" only once the command has ended.
        try await tmux.type("export \(exports); c() { \(quoted(binary.path)) reinstall legacy-app --password-stdin "
            + "--region cn-north-4 --endpoint \(cli.simulator.url) < \(quoted(passwordFile)); echo \"RC\"\"=$?\"; }")
        try await tmux.press("Enter")
        try await tmux.type("clear; c")
        try await tmux.press("Enter")
        try await tmux.waitFor("Type the server's name (legacy-app) or its id to confirm:")
        try await tmux.type("legacy")
        try await tmux.press("Enter")
        let declined = try await tmux.waitFor("RC=1")
        #expect(declined.contains("Not confirmed"), "\(tmux.screenDump)")
        #expect(try await cli.server(named: "legacy-app")["task_state"] is NSNull)
        #expect(cli.journal().isEmpty)

        try await tmux.type("clear; c")
        try await tmux.press("Enter")
        try await tmux.waitFor("Type the server's name (legacy-app) or its id to confirm:")
        try await tmux.type("legacy-app")
        try await tmux.press("Enter")
        let accepted = try await tmux.waitFor("RC=0")
        #expect(accepted.contains("The reinstall was accepted"), "\(tmux.screenDump)")
        #expect(!accepted.contains("Sup3r-Secret.Pw"), "\(tmux.screenDump)")
        #expect(!cli.journal().isEmpty)
    }
}
