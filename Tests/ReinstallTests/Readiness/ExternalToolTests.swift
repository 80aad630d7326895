import Foundation
import Testing

@testable import Reinstall

/// The OpenSSH tools' runner: what a tool printed and how it ended, and that no tool outlives its
/// bound or the task that started it.
@Suite(.timeLimit(.minutes(1)))
struct ExternalToolTests {
    private let shell = ExternalTool(executable: URL(fileURLWithPath: "/bin/sh"))

    @Test func itsOutputAndExitStatusAreKept() async throws {
        let output = try await shell.run(["-c", "echo out; echo err >&2; exit 3"], timeout: .seconds(20))
        #expect(output == ExternalTool.Output(status: 3, standardOutput: "out\n", standardError: "err\n"))
    }

    @Test func aToolThatIgnoresSIGTERMIsKilledAtItsBound() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        // SIGTERM ignored, so only the SIGKILL after the grace ends it; 60 s past a 200 ms bound.
        let output = try await shell.run(["-c", "trap '' TERM; echo started; exec sleep 60"], timeout: .milliseconds(200))
        #expect(output.status == nil, "stopped, not exited: \(output)")
        #expect(output.standardOutput == "started\n")
        #expect(clock.now - start < .seconds(30), "the bound and the grace, not the tool's own 60 s")
    }

    @Test func cancellingTheTaskKillsTheTool() async throws {
        let scratch = try ScratchFolder()
        let pidFile = scratch.url.appendingPathComponent("pid").path
        let tool = shell
        let running = Task {
            try await tool.run(["-c", "echo $$ > '\(pidFile)'; exec sleep 60"], timeout: .seconds(120))
        }
        var pid: pid_t?
        while pid == nil {
            try await Task.sleep(for: .milliseconds(10))
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        running.cancel()
        await #expect(throws: CancellationError.self) { try await running.value }
        // Reaped, not merely signalled: no such process any more.
        #expect(kill(try #require(pid), 0) == -1 && errno == ESRCH)
    }
}
