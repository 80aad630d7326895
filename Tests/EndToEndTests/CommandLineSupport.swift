import ChildProcess
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
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
    /// The line it printed once listening (`… login port N` with `--login-port`).
    let readyLine: String
    private let pid: pid_t
    private let scratch: ScratchFolder

    /// - Parameter jobSeconds: how long a job runs; long enough for whatever must happen while
    ///   it does, even on a loaded machine.
    init(failureRate: Double = 0, jobSeconds: Int = 2, extra: [String] = []) async throws {
        let binary = try AppBinary.locate()
        scratch = try ScratchFolder()
        let out = scratch.path("simulator.out")
        pid = try ChildProcess.spawn(
            [binary.path, "simulator", "--port", "0", "--job-seconds", String(jobSeconds), "--failure-rate", String(failureRate),
             "--ak", Self.accessKey, "--sk", Self.secretKey, "--region", "cn-north-4"] + extra,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
            stdin: "/dev/null", stdout: out, stderr: scratch.path("simulator.err"), newSession: true)
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /listening on (http:\/\/\S+)/), text.hasSuffix("\n") {
                url = String(match.1)
                readyLine = text
                return
            }
            if ContinuousClock.now >= deadline {
                let errors = (try? String(contentsOfFile: scratch.path("simulator.err"), encoding: .utf8)) ?? ""
                _ = sendSignal(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
                throw EndToEndFailure(description: "the simulator printed no ready line in 15 s: \(text) \(errors)")
            }
            // Not `try`: a cancelled wait must still reach the deadline's kill, or the simulator leaks.
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit {
        _ = sendSignal(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// What the simulator wrote on stderr: with `--log-requests`, one `request: METHOD PATH?QUERY` line each.
    var errorOutput: String {
        (try? String(contentsOfFile: scratch.path("simulator.err"), encoding: .utf8)) ?? ""
    }

    /// The server listings logged with `--log-requests`, as their query strings.
    var loggedListings: [String] {
        errorOutput.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("request: GET "), line.contains("/cloudservers/detail") else { return nil }
            return line.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        }
    }
}

/// A loopback port nothing listens on: the metadata service of every child process, so no test
/// ever waits for (or reaches) the real one at 169.254.169.254.
let closedMetadataURL = "http://127.0.0.1:9"

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
            "ECS_REINSTALL_METADATA_URL": metadataURL,
        ]
    }

    /// Where the children look for the ECS metadata service: nowhere, unless a test says otherwise.
    var metadataURL = closedMetadataURL

    /// `ecs-reinstall <arguments> --region cn-north-4 --endpoint <simulator>`, stdin from `input`;
    /// without `credentials`, with neither AK/SK nor an endpoint (add `--demo` for the demo).
    /// `extraEnvironment` is added to the children's environment (e.g. the SDK's endpoint variables);
    /// with `noEndpoint`, neither `--region` nor `--endpoint` is added.
    func run(_ arguments: [String], input: String = "", endpoint: String? = nil, credentials: Bool = true,
             extraEnvironment: [String: String] = [:], noEndpoint: Bool = false) async throws -> Result {
        let binary = try AppBinary.locate()
        let id = UUID().uuidString
        let (inPath, outPath, errPath) = (scratch.path("\(id).in"), scratch.path("\(id).out"), scratch.path("\(id).err"))
        try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        var environment = environment.merging(extraEnvironment) { $1 }
        var arguments = arguments
        if noEndpoint {
            // The caller names the region and gives the endpoints some other way.
        } else if credentials {
            arguments += ["--region", "cn-north-4", "--endpoint", endpoint ?? simulator.url]
        } else {
            environment["HUAWEICLOUD_SDK_AK"] = nil
            environment["HUAWEICLOUD_SDK_SK"] = nil
        }
        let pid = try ChildProcess.spawn(
            [binary.path] + arguments, environment: environment, stdin: inPath, stdout: outPath, stderr: errPath,
            newSession: true)
        let status = try await ChildProcess.wait(pid, timeout: .seconds(30))
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
