import ChildProcess
import Foundation

/// `ecs-reinstall simulator` as its own process, so the TUI can be measured in real mode against
/// a large account over HTTP without the simulator sharing the TUI's CPU time and memory figures.
/// Stopped and reaped when the value goes away.
final class SimulatorProcess {
    static let accessKey = "BENCHAK00000000000000"
    static let secretKey = "BENCHSK000000000000000000000000000000000"
    static let projectId = "0bench0project0000000000000000000"
    static let region = "cn-north-4"

    let url: String
    private let pid: pid_t
    private let folder: URL

    init(servers: Int, latencyMs: Int) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-simulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        pid = try ChildProcess.spawn(
            [try TerminalHarness.binary(), "simulator", "--port", "0", "--servers", String(servers),
             "--latency-ms", String(latencyMs), "--ak", Self.accessKey, "--sk", Self.secretKey,
             "--project-id", Self.projectId, "--region", Self.region],
            environment: ProcessInfo.processInfo.environment, stdout: out, stderr: err)
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /listening on (http:\/\/\S+)/) {
                url = String(match.1)
                return
            }
            let exited = waitpid(pid, nil, WNOHANG) == pid
            if exited || ContinuousClock.now >= deadline {
                let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
                if !exited { ChildProcess.stop(pid) }
                try? FileManager.default.removeItem(at: folder)
                throw HarnessError("the simulator did not start: \(errors)")
            }
            // Not `try`: a cancelled wait must still reach the deadline's kill, or the simulator leaks.
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit {
        ChildProcess.stop(pid)
        try? FileManager.default.removeItem(at: folder)
    }

    /// What the TUI needs to use this simulator as "the real cloud".
    var environment: [String: String] {
        ["HUAWEICLOUD_SDK_AK": Self.accessKey, "HUAWEICLOUD_SDK_SK": Self.secretKey,
         "HUAWEICLOUD_SDK_PROJECT_ID": Self.projectId]
    }

    var arguments: [String] { ["--endpoint", url, "--region", Self.region] }

    /// The TUI in a terminal, in real mode against this simulator.
    func terminal(width: Int = 120, height: Int = 35) throws -> TerminalHarness {
        try TerminalHarness(arguments: arguments, width: width, height: height, environment: environment)
    }
}
