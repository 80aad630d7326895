import ChildProcess
import Foundation

/// Runs the built `ecs-reinstall` inside a private tmux server, so a benchmark can type keys
/// and count what the program writes to its terminal (`pipe-pane`) and the CPU it uses (/proc).
final class TerminalHarness {
    let socket = "bench-\(getpid())-\(UUID().uuidString.prefix(8))"
    let output: URL
    private(set) var pid: Int32 = 0

    /// `environment` is given to the program on top of the defaults (a UTF-8 locale, a private state folder).
    init(arguments: [String], width: Int = 120, height: Int = 35, environment: [String: String] = [:]) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).out")
        let binary = try Self.binary()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state").path
        // A closed loopback port as the ECS metadata service: the demo opens without waiting for one.
        let variables = ["LANG": "C.UTF-8", "XDG_STATE_HOME": state, "ECS_REINSTALL_METADATA_URL": "http://127.0.0.1:9"]
            .merging(environment) { $1 }
            .sorted { $0.key < $1.key }
            .flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try tmux(["new-session", "-d", "-s", "b", "-x", "\(width)", "-y", "\(height)"] + variables + [binary] + arguments)
        try tmux(["set-option", "-g", "window-size", "manual"])
        try tmux(["pipe-pane", "-t", "b", "-o", "cat > '\(output.path)'"])
        pid = Int32(try tmux(["display-message", "-p", "-t", "b", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: output)
    }

    func send(_ keys: String...) throws { try send(keys) }

    func send(_ keys: [String]) throws { try tmux(["send-keys", "-t", "b"] + keys) }

    /// The visible screen as text; with `escapes`, with its SGR attributes (`capture-pane -e`).
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "b"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen shows `text`.
    func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws {
        try await waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every `interval` until `predicate` holds, and returns that screen.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), escapes: Bool = false, interval: Duration = .milliseconds(20),
        _ predicate: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let screen = try screen(escapes: escapes)
            if predicate(screen) { return screen }
            try await Task.sleep(for: interval)
        }
        throw HarnessError("timed out waiting for \(what); screen:\n\(try screen())")
    }

    /// Waits until the program has written nothing for `quiet` (its last frame is out).
    func waitForQuiet(_ quiet: Duration = .milliseconds(300), timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        var last = bytesWritten, since = ContinuousClock.now
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            let now = bytesWritten
            if now != last {
                last = now
                since = ContinuousClock.now
            } else if ContinuousClock.now - since >= quiet {
                return
            }
        }
        throw HarnessError("the program kept writing for \(timeout)")
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

    /// Resident memory of the program (VmRSS from /proc/PID/status), in bytes.
    var residentMemory: Int? { residentMemoryBytes(of: String(pid)) }

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
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: outFile) }
        let child: pid_t
        do {
            child = try ChildProcess.spawn(
                ["tmux", "-L", socket, "-f", "/dev/null", "-u"] + arguments,
                environment: ProcessInfo.processInfo.environment, stdout: outFile.path)
        } catch {
            throw HarnessError("tmux could not be started (apt-get install tmux): \(error)")
        }
        let status = ChildProcess.wait(child)
        guard status == 0 else { throw HarnessError("tmux \(arguments.first ?? "") failed (status \(status))") }
        return (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
    }

    /// The binary beside this benchmark executable (both are built into the same folder).
    static func binary() throws -> String {
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
