import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawns programs for the command-line tests with a given stdin and environment (posix_spawn +
/// waitpid, like `Subprocess`, for the same reasons: Foundation's `Process` hangs in Swift Testing).
enum ScriptProcess {
    /// Starts `argv[0]` with stdin from `stdin` (a file path), stdout and stderr to files, an empty
    /// signal mask and default handlers; `newSession` detaches it from any controlling terminal.
    static func spawn(
        _ argv: [String], environment: [String: String], stdin: String = "/dev/null", stdout: String, stderr: String,
        newSession: Bool = true
    ) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        // A new session: no controlling terminal, as under cron or CI, whatever runs the tests.
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (newSession ? spawnSetSID : 0)))
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, cArgv, cEnv)
        guard result == 0 else { throw EndToEndFailure(description: "posix_spawn \(argv[0]) failed: error \(result)") }
        return pid
    }

    /// Waits for `pid` without blocking a thread; the exit status (128 + signal when killed).
    static func wait(_ pid: pid_t, timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR { throw EndToEndFailure(description: "waitpid(\(pid)): errno \(errno)") }
            if ContinuousClock.now >= deadline {
                _ = sendSignal(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw EndToEndFailure(description: "pid \(pid) still running after \(timeout); killed")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// POSIX_SPAWN_SETSID, which glibc declares only under _GNU_SOURCE (so Swift does not import it).
#if canImport(Darwin)
private let spawnSetSID: Int32 = 0x0400
#else
private let spawnSetSID: Int32 = 0x80
#endif

/// A temporary folder removed when the value goes away.
final class ScratchFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// `ecs-reinstall simulator` in the background, on a free port; ended when the value goes away.
final class StandaloneSimulator: @unchecked Sendable {
    // @unchecked: `pid` is written once in init and read only in deinit.
    static let accessKey = "CLITESTAK0000000000000"
    static let secretKey = "CLITESTSK00000000000000000000000000000000"
    let url: String
    private let pid: pid_t
    private let scratch: ScratchFolder

    init(failureRate: Double = 0, extra: [String] = []) async throws {
        let binary = try AppBinary.locate()
        scratch = try ScratchFolder()
        let out = scratch.path("simulator.out")
        pid = try ScriptProcess.spawn(
            [binary.path, "simulator", "--port", "0", "--job-seconds", "2", "--failure-rate", String(failureRate),
             "--ak", Self.accessKey, "--sk", Self.secretKey, "--region", "cn-north-4"] + extra,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
            stdin: "/dev/null", stdout: out, stderr: scratch.path("simulator.err"))
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /listening on (http:\/\/\S+)/) {
                url = String(match.1)
                return
            }
            if ContinuousClock.now >= deadline {
                let errors = (try? String(contentsOfFile: scratch.path("simulator.err"), encoding: .utf8)) ?? ""
                _ = sendSignal(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
                throw EndToEndFailure(description: "the simulator printed no ready line in 15 s: \(text) \(errors)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit {
        _ = sendSignal(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}

/// Runs `ecs-reinstall` commands against one simulator, as a script on a machine would: AK/SK in
/// the environment, the journal under a private XDG_STATE_HOME, no terminal.
struct CLISession {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    let simulator: StandaloneSimulator
    let scratch: ScratchFolder
    var secretKey = StandaloneSimulator.secretKey

    init(simulator: StandaloneSimulator) throws {
        self.simulator = simulator
        scratch = try ScratchFolder()
    }

    var journalFile: String { scratch.path("state/ecs-reinstall/jobs.jsonl") }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch.url.path,
            "XDG_STATE_HOME": scratch.path("state"),
            "HUAWEICLOUD_SDK_AK": StandaloneSimulator.accessKey, "HUAWEICLOUD_SDK_SK": secretKey,
        ]
    }

    /// `ecs-reinstall <arguments> --region cn-north-4 --endpoint <simulator>`, stdin from `input`;
    /// without `credentials`, with neither AK/SK nor an endpoint (the demo).
    func run(_ arguments: [String], input: String = "", endpoint: String? = nil, credentials: Bool = true) async throws -> Result {
        let binary = try AppBinary.locate()
        let id = UUID().uuidString
        let (inPath, outPath, errPath) = (scratch.path("\(id).in"), scratch.path("\(id).out"), scratch.path("\(id).err"))
        try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        var environment = environment
        var arguments = arguments
        if credentials {
            arguments += ["--region", "cn-north-4", "--endpoint", endpoint ?? simulator.url]
        } else {
            environment["HUAWEICLOUD_SDK_AK"] = nil
            environment["HUAWEICLOUD_SDK_SK"] = nil
        }
        let pid = try ScriptProcess.spawn(
            [binary.path] + arguments, environment: environment, stdin: inPath, stdout: outPath, stderr: errPath)
        let status = try await ScriptProcess.wait(pid)
        return Result(
            status: status,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// `servers --json`, decoded.
    func servers() async throws -> [[String: Any]] {
        let result = try await run(["servers", "--json"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let servers = object["servers"] as? [[String: Any]]
        else { throw EndToEndFailure(description: "servers --json failed: \(result.status) \(result.all)") }
        return servers
    }

    func server(named name: String) async throws -> [String: Any] {
        guard let server = try await servers().first(where: { $0["name"] as? String == name }) else {
            throw EndToEndFailure(description: "no server \(name)")
        }
        return server
    }

    func journal() -> String {
        (try? String(contentsOfFile: journalFile, encoding: .utf8)) ?? ""
    }
}

/// Parses JSON printed on stdout.
func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw EndToEndFailure(description: "not a JSON object: \(text)")
    }
    return object
}
