import ChildProcess
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kill(2)`, under a name no method shadows.
func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}

/// A failure of an end-to-end step; the message carries what was on the screen.
struct EndToEndFailure: Error, CustomStringConvertible {
    var description: String
}

/// Where the built `ecs-reinstall` is: `ECS_REINSTALL_BIN`, else `<package root>/.build/debug/ecs-reinstall`.
/// A missing binary is a failure, never a skip: the end-to-end tests must not pass without running.
enum AppBinary {
    static func locate() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        let url: URL
        if let path = environment["ECS_REINSTALL_BIN"], !path.isEmpty {
            url = URL(fileURLWithPath: path)
        } else {
            // Tests/EndToEndTests/TmuxSession.swift → the package root is two folders above this one.
            let root = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent()  // Tests/EndToEndTests
                .deletingLastPathComponent()  // Tests
                .deletingLastPathComponent()  // package root
            url = root.appendingPathComponent(".build/debug/ecs-reinstall")
        }
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw EndToEndFailure(description: """
                The ecs-reinstall binary is missing at \(url.path). \
                Run `swift build` first (or set ECS_REINSTALL_BIN to the built binary).
                """)
        }
        return url
    }
}

/// Runs one program with an argv array (no shell) and returns its status and output, through
/// `ChildProcess` (which says why not Foundation's `Process`).
enum Subprocess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String]) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("ecs-e2e-\(UUID().uuidString).out")
        let errURL = folder.appendingPathComponent("ecs-e2e-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // the tests may themselves run inside tmux
        let pid = try ChildProcess.spawn(
            [executable.path] + arguments, environment: environment, stdout: outURL.path, stderr: errURL.path)
        let exitStatus = try await ChildProcess.wait(pid, timeout: .seconds(30))
        return Result(
            status: exitStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// The first executable called `name` on PATH (plus the usual system folders).
    static func find(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw EndToEndFailure(description: "`\(name)` is not installed (apt-get install -y \(name)); the end-to-end tests need it.")
    }
}

/// A private tmux server with one window running an interactive bash, driven like a person would.
/// Every instance has its own socket, so tests may run in parallel. The server is ended (SIGTERM,
/// which tmux treats as kill-server) and its socket removed when the object goes away.
final class TmuxSession {
    let socket: String
    let width: Int
    let height: Int
    private let tmux: URL
    private var serverPid: pid_t = 0
    private var socketPath = ""
    /// The most recent capture without attributes, for failure messages.
    private(set) var lastScreen = ""
    /// The state folder made for a session whose environment names none; removed at the end.
    private let scratchState: URL?

    /// `environment` is added to (or overrides) the shell's, e.g. `["NO_COLOR": "1"]` or `["LANG": "C"]`.
    /// `program` runs in the window instead of the shell (then it is the pane's only process).
    init(width: Int = 100, height: Int = 30, environment: [String: String] = [:],
         program: [String] = ["bash", "--norc", "--noprofile"]) async throws {
        tmux = try Subprocess.find("tmux")
        socket = "ecs-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        // No test waits for, or reaches, a real ECS metadata service; nor reads or writes the
        // user's state (the journal, the region last chosen with `:`) unless it names a folder.
        scratchState = environment["XDG_STATE_HOME"] == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("ecs-e2e-state-\(UUID().uuidString)") : nil
        var defaults = ["LANG": "C.UTF-8", "ECS_REINSTALL_METADATA_URL": closedMetadataURL]
        if let scratchState { defaults["XDG_STATE_HOME"] = scratchState.path }
        let variables = defaults.merging(environment) { $1 }
            .sorted { $0.key < $1.key }
            .flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try await command(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height)]
                          + variables + program)
        let info = try await display("#{pid} #{socket_path}").split(separator: " ", maxSplits: 1)
        serverPid = info.first.flatMap { pid_t($0) } ?? 0
        socketPath = info.count > 1 ? String(info[1]) : ""
        try await command(["set-option", "-g", "window-size", "manual"])
        try await command(["set-option", "-g", "escape-time", "0"])
    }

    deinit {
        kill()
    }

    /// Ends the private server (and with it the shell and whatever still runs in it).
    func kill() {
        if let scratchState { try? FileManager.default.removeItem(at: scratchState) }
        if serverPid > 0 {
            _ = sendSignal(serverPid, SIGTERM)
            serverPid = 0
        }
        if !socketPath.isEmpty {
            unlink(socketPath)
            socketPath = ""
        }
    }

    /// One tmux command against this session's private server.
    @discardableResult
    func command(_ arguments: [String]) async throws -> String {
        let result = try await Subprocess.run(tmux, ["-L", socket, "-f", "/dev/null", "-u"] + arguments)
        guard result.status == 0 else {
            throw EndToEndFailure(description:
                "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Named keys, one tmux key name each: "Enter", "Tab", "Down", "Escape", "q".
    func press(_ keys: String...) async throws {
        for key in keys {
            try await command(["send-keys", "-t", "t", key])
        }
    }

    func press(_ key: String, times: Int) async throws {
        for _ in 0..<times { try await press(key) }
    }

    /// Text typed literally, character by character.
    func type(_ text: String) async throws {
        try await command(["send-keys", "-t", "t", "-l", text])
    }

    /// The visible pane as text; with `escapes`, SGR attributes are kept (`capture-pane -e`).
    func capture(escapes: Bool = false) async throws -> String {
        let text = try await command(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))
        lastScreen = escapes ? text.replacing(/\x{1B}\[[0-9;:]*[A-Za-z]/, with: "") : text
        return text
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) async throws -> String {
        try await command(["display-message", "-p", "-t", "t", format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 50 ms until `predicate` holds on a screen that holds still for 30 ms;
    /// on timeout fails with the last screen.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), escapes: Bool = false,
        file: String = #fileID, line: Int = #line,
        _ predicate: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var matchedButMoving = false
        while true {
            let screen = try await capture(escapes: escapes)
            if predicate(screen) {
                // A capture can catch a frame half written: only a screen that holds still counts.
                try await Task.sleep(for: .milliseconds(30))
                if try await capture(escapes: escapes) == screen { return screen }
                matchedButMoving = true
            }
            if clock.now >= deadline {
                let plain = (try? await capture()) ?? lastScreen
                let moving = matchedButMoving ? " (it was seen, but the screen never held still for 30 ms)" : ""
                throw EndToEndFailure(description: """
                    Timed out after \(timeout) waiting for \(what)\(moving) (\(file):\(line)). Last screen (\(width)×\(height)):
                    \(Self.framed(plain, width: width))
                    """)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits until every text appears on the screen at the same time.
    @discardableResult
    func waitFor(
        _ texts: String..., timeout: Duration = .seconds(20), file: String = #fileID, line: Int = #line
    ) async throws -> String {
        let list = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        return try await waitUntil(list, timeout: timeout, file: file, line: line) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// The last captured screen, framed, for the messages of `#expect`.
    var screenDump: String {
        "Screen:\n" + Self.framed(lastScreen, width: width)
    }

    static func framed(_ screen: String, width: Int) -> String {
        let rule = String(repeating: "─", count: width)
        let body = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "│" + $0 }
            .joined(separator: "\n")
        return "┌" + rule + "\n" + body + "\n└" + rule
    }
}

// MARK: - The app under test

extension TmuxSession {
    /// Starts the demo inside the session's shell through a shell function `r` defined first, so
    /// that after the app ends the screen shows `EXITED=<status>` and whether `stty -g` came back
    /// unchanged (`STTY=unchanged` / `STTY=changed`). The typed lines never contain those outputs.
    func launchDemo(binary: URL, jobSeconds: Int = 4, arguments: [String] = []) async throws {
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let extra = arguments.map { " " + $0 }.joined()
        try await type("B=\(quoted); S0=$(stty -g); r() { \"$B\" --demo --demo-job-seconds \(jobSeconds)\(extra); "
            + "echo \"EXITED=$?\"; if [ \"$(stty -g)\" = \"$S0\" ]; then echo \"STTY=un\"\"changed\"; "
            + "else echo \"STTY=ch\"\"anged\"; fi; }")
        try await press("Enter")
        try await type("r")
        try await press("Enter")
    }

    /// Starts the app and waits for the demo header and the full server list.
    func launchDemoAndWaitForList(binary: URL) async throws -> String {
        try await launchDemo(binary: binary)
        return try await waitFor("DEMO — simulated cloud", "12 servers", "web-01", "imported-app")
    }

    /// The pid of the app: the only child of the pane's shell, checked to be `ecs-reinstall`.
    func appPid() async throws -> pid_t {
        let shell = try await display("#{pane_pid}")
        let pgrep = try Subprocess.find("pgrep")
        let children = try await Subprocess.run(pgrep, ["-P", shell]).stdout
            .split(whereSeparator: \.isNewline).compactMap { pid_t($0) }
        let ps = try Subprocess.find("ps")
        for child in children {
            let name = try await Subprocess.run(ps, ["-o", "comm=", "-p", String(child)]).stdout
            if name.contains("ecs-reinstall") { return child }
        }
        throw EndToEndFailure(description: "no ecs-reinstall child of the pane's shell (pid \(shell)); children: \(children)")
    }
}
