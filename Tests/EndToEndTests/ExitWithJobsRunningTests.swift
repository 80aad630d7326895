import ChildProcess
import Foundation
import ScreenCapture
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaving while a reinstall still runs in the cloud: the UI asks once, and the UI and the
/// commands say which job goes on and how to follow it.
@Suite("End to end: leaving with jobs running", .timeLimit(.minutes(1)))
struct ExitWithJobsRunningTests {
    /// The demo with web-01's reinstall sent and running (jobs take 300 s).
    private func demoWithARunningJob() async throws -> TmuxSession {
        let tmux = try await demoWithTheNameTyped()
        try await tmux.press("Enter")
        try await tmux.waitUntil("the Jobs pane with web-01") { AppScreen.jobPane($0, server: "web-01") != nil }
        return tmux
    }

    /// The demo (jobs take 300 s) on web-01's review, its name typed: Enter sends the reinstall.
    private func demoWithTheNameTyped(arguments: [String] = []) async throws -> TmuxSession {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        try await tmux.launchDemo(binary: binary, jobSeconds: 300, arguments: arguments)
        try await tmux.waitFor("DEMO — simulated cloud", "12 servers", "web-01")
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }
        try await tmux.press("Enter")
        try await tmux.waitUntil("the web-01 form to be complete") {
            !$0.contains("✗") && !$0.contains("complete the checklist first") && $0.contains("ops-ed25519 ▸ (current)")
        }
        // From the key pair login, Shift-Tab twice wraps to the button.
        try await tmux.press("BTab", "BTab")
        try await tmux.waitUntil("the focused button", escapes: true) { AppScreen.isReversed($0, "[ Reinstall web-01 ]") }
        try await tmux.press("Enter")
        try await tmux.waitFor("Review: reinstall the OS of web-01", "Type the name or the id")
        try await tmux.type("web-01")
        try await tmux.waitFor("Enter sends it")
        return tmux
    }

    /// The summary printed after the UI ended with status `status`.
    private func expectSummary(_ tmux: TmuxSession, status: Int32) async throws {
        let screen = try await tmux.waitUntil("EXITED=\(status) after the UI") {
            AppScreen.lines($0).contains("EXITED=\(status)")
        }
        let lines = AppScreen.lines(screen)
        #expect(lines.contains("1 reinstall is still running in the simulated cloud of the demo, which ended with the UI:"),
                "\(tmux.screenDump)")
        #expect(lines.contains { $0.hasPrefix("  web-01  job ") && ($0.hasSuffix("RUNNING") || $0.hasSuffix("INIT")
                                                                   || $0.hasSuffix("SUBMITTED")) }, "\(tmux.screenDump)")
        #expect(lines.contains("Nothing is left to follow: a new demo starts a new simulated cloud."), "\(tmux.screenDump)")
        #expect(!screen.contains("DEMO — simulated cloud"), "the UI is gone\n\(tmux.screenDump)")
    }

    @Test("q with a job running asks; y quits with 0 and the job and the way to follow it are printed")
    func quitAsksThenPrintsTheRunningJob() async throws {
        let tmux = try await demoWithARunningJob()
        try await tmux.press("q")
        try await tmux.waitFor("1 reinstall is still running in the simulated cloud", "Quit? y/N")
        try await tmux.press("y")
        try await expectSummary(tmux, status: 0)
    }

    @Test("SIGTERM with a job running: status 143, the terminal given back, then the summary")
    func sigtermPrintsTheSummaryToo() async throws {
        let tmux = try await demoWithARunningJob()
        #expect(sendSignal(try await tmux.appPid(), SIGTERM) == 0)
        try await expectSummary(tmux, status: 143)
    }

    @Test("Ctrl-C while the UI's reinstall POST is on its way waits for the answer, says so, then leaves with the job printed")
    func ctrlCDuringThePostWaitsForItsAnswer() async throws {
        // Every answer of the demo's cloud comes 1.5 s late: the POST is on its way long enough.
        let tmux = try await demoWithTheNameTyped(arguments: ["--demo-faults", "hang=1,hang-ms=1500"])
        try await tmux.press("Enter")
        try await tmux.waitFor("Submitting…")
        try await tmux.press("C-c")
        try await tmux.waitFor("Leaving once the cloud has answered the reinstall of web-01")
        try await expectSummary(tmux, status: 130)
    }

    @Test("Ctrl-C during reinstall --wait and job --wait exits 130, naming the job still running and how to follow it")
    func interruptedWaitsSayTheJobGoesOn() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--job-seconds", "120"]))
        let reinstall = try Background(cli, ["reinstall", "web-01", "--keypair", "ops-ed25519", "--stop", "--yes", "--wait"])
        let jobId = try await reinstall.waitForOutput("the job id on stdout") { out, _ in
            out.split(separator: "\n").first.map(String.init)
        }
        #expect(sendSignal(reinstall.pid, SIGINT) == 0)
        let status = try await ChildProcess.wait(reinstall.pid, timeout: .seconds(10))
        let stderr = reinstall.stderr
        #expect(status == 130, "\(stderr)")
        #expect(stderr.contains("Job \(jobId) (web-01) is still running in the cloud; leaving does not stop it."), "\(stderr)")
        // With the flags that chose the cloud, so the command reaches the same one.
        let follow = "Follow it with: ecs-reinstall job \(jobId) --region cn-north-4 --endpoint \(cli.simulator.url) --wait"
        #expect(stderr.contains(follow), "\(stderr)")

        let shown = try await cli.run(["job", jobId])
        #expect(shown.status == 0 && ["RUNNING", "INIT"].contains(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines)),
                "the job runs on in the cloud: \(shown.all)")

        let job = try Background(cli, ["job", jobId, "--wait"])
        _ = try await job.waitForOutput("the job's first status on stderr") { _, err in
            err.contains("job \(jobId): ") ? "" : nil
        }
        #expect(sendSignal(job.pid, SIGINT) == 0)
        let jobStatus = try await ChildProcess.wait(job.pid, timeout: .seconds(10))
        #expect(jobStatus == 130, "\(job.stderr)")
        #expect(job.stderr.contains(follow), "\(job.stderr)")
    }

    @Test("The UI's start-up failures exit like the commands: 4 network, 3 authentication, 2 usage")
    func refusedStartsExitWithTheCommandsCodes() async throws {
        let simulator = try await StandaloneSimulator()
        let cli = try CLISession(simulator: simulator)
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let unreachable = try await runUI(["--region", "cn-north-4", "--endpoint", closedMetadataURL], environment, cli)
        #expect(unreachable.status == 4, "\(unreachable.stderr)")
        environment["HUAWEICLOUD_SDK_SK"] = String(StandaloneSimulator.secretKey.reversed())
        let refused = try await runUI(["--region", "cn-north-4", "--endpoint", simulator.url], environment, cli)
        #expect(refused.status == 3, "\(refused.stderr)")
        let usage = try await runUI(["--no-such-option"], environment, cli)
        #expect(usage.status == 2, "\(usage.stderr)")
    }

    private func runUI(_ arguments: [String], _ environment: [String: String], _ cli: CLISession) async throws
        -> (status: Int32, stderr: String) {
        let binary = try AppBinary.locate()
        let errPath = cli.scratch.path("\(UUID().uuidString).err")
        let pid = try ChildProcess.spawn([binary.path] + arguments, environment: environment, stdin: "/dev/null",
                                         stdout: "/dev/null", stderr: errPath, newSession: true)
        let status = try await ChildProcess.wait(pid, timeout: .seconds(30))
        return (status, (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

/// A command left running in the background against the session's simulator, its output in files.
struct Background {
    let pid: pid_t
    let outPath: String
    let errPath: String

    init(_ cli: CLISession, _ arguments: [String]) throws {
        let id = UUID().uuidString
        outPath = cli.scratch.path("\(id).out")
        errPath = cli.scratch.path("\(id).err")
        pid = try ChildProcess.spawn(
            [try AppBinary.locate().path] + arguments + ["--region", "cn-north-4", "--endpoint", cli.simulator.url],
            environment: cli.environment, stdin: "/dev/null", stdout: outPath, stderr: errPath, newSession: true)
    }

    var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Polls the output every 20 ms until `found` returns a value; kills the command after 20 s.
    func waitForOutput(_ what: String, _ found: (String, String) -> String?) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            if let value = found(stdout, stderr) { return value }
            if ContinuousClock.now >= deadline {
                _ = sendSignal(pid, SIGKILL)
                _ = ChildProcess.wait(pid)
                throw EndToEndFailure(description: "no \(what) in 20 s: \(stdout) \(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
