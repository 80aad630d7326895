import Foundation

/// Runs the built `ecs-reinstall` inside a private tmux server, so a benchmark can type keys
/// and count what the program writes to its terminal (`pipe-pane`) and the CPU it uses (/proc).
final class TerminalHarness {
    let socket = "bench-\(getpid())-\(UUID().uuidString.prefix(8))"
    let output: URL
    private(set) var pid: Int32 = 0

    init(arguments: [String], width: Int = 120, height: Int = 35) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).out")
        let binary = try Self.binary()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state").path
        try tmux(["new-session", "-d", "-s", "b", "-x", "\(width)", "-y", "\(height)",
                  "-e", "LANG=C.UTF-8", "-e", "XDG_STATE_HOME=\(state)", binary] + arguments)
        try tmux(["set-option", "-g", "window-size", "manual"])
        try tmux(["pipe-pane", "-t", "b", "-o", "cat > '\(output.path)'"])
        pid = Int32(try tmux(["display-message", "-p", "-t", "b", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: output)
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "b"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "b"]) }

    /// Waits until the screen shows `text`.
    func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try screen().contains(text) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("timed out waiting for '\(text)'; screen:\n\(try screen())")
    }

    /// What the program wrote to its terminal, and the CPU it used, while `body` ran.
    func measure(_ body: () async throws -> Void) async rethrows -> (bytes: Int, cpu: Duration) {
        let bytesBefore = bytesWritten, cpuBefore = cpuTime
        try await body()
        return (bytesWritten - bytesBefore, cpuTime - cpuBefore)
    }

    var bytesWritten: Int {
        ((try? FileManager.default.attributesOfItem(atPath: output.path))?[.size] as? Int) ?? 0
    }

    /// User + system CPU of the program so far, from /proc/PID/stat (in clock ticks).
    var cpuTime: Duration {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .zero }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14, stime 15 (1-based in proc(5)).
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return .zero }
        let ticks = Int(sysconf(Int32(_SC_CLK_TCK)))
        return .milliseconds((user + system) * 1000 / max(ticks, 1))
    }

    /// Runs tmux against the private server and returns what it printed.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: on Linux, Process inside an
    /// async program can miss the child's exit and wait forever (seen here with tmux).
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: outFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket, "-f", "/dev/null", "-u"] + arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, cArguments, environ) == 0 else {
            throw HarnessError("tmux could not be started (apt-get install tmux)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw HarnessError("tmux \(arguments.first ?? "") failed (status \(status))") }
        return (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
    }

    /// The binary beside this benchmark executable (both are built into the same folder).
    private static func binary() throws -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = here.appendingPathComponent("ecs-reinstall").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw HarnessError("\(candidate) not found: build it first (swift build)")
        }
        return candidate
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
