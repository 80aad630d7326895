import ChildProcess
import Foundation

/// An OpenSSH tool (`ssh-keygen`, `ssh-keyscan`) found on PATH and run with its arguments as an
/// array, never through a shell, with a bound on how long it may take.
///
/// Started with `ChildProcess` (posix_spawn, an empty signal mask, waitpid), not Foundation's
/// `Process`: on Linux, in async code, `Process` can miss a child's exit and hands the child the
/// caller's blocked signals, so neither the wait nor the stop at the bound could be relied on.
public struct ExternalTool: Sendable, Equatable {
    public var executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// The tool called `name` in the PATH's folders, nil when none has it.
    public static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Self? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Self(executable: candidate) }
        }
        return nil
    }

    public struct Output: Sendable, Equatable {
        /// The exit status; nil when a signal ended it (stopped for taking too long).
        public var status: Int32?
        public var standardOutput: String
        public var standardError: String
    }

    /// How long a tool asked to end (SIGTERM) at its bound has before it is killed (SIGKILL).
    public static let grace: Duration = .seconds(1)

    /// Runs the tool with `arguments` and stdin from /dev/null; stopped (SIGTERM, then SIGKILL
    /// after `grace`) after `timeout`. Cancelling the task stops it the same way at once and
    /// throws `CancellationError`. Its output goes to files in a private folder (removed after),
    /// so a full pipe cannot stall it and nothing of ours is held open by it.
    public func run(_ arguments: [String], timeout: Duration,
                    environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Output {
        try Task.checkCancellation()
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn([executable.path] + arguments, environment: environment,
                                         stdout: out, stderr: err)
        } catch {
            throw ToolFailure(description: error.description)
        }
        let ending = await ChildProcess.wait(pid, timeout: timeout, grace: Self.grace)
        try Task.checkCancellation()
        let status: Int32? = if case let .exited(code) = ending { code } else { nil }
        return Output(status: status, standardOutput: Self.read(out), standardError: Self.read(err))
    }

    /// Why a tool could not be started.
    public struct ToolFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A new folder only this user can read (mkdtemp), for one run's output files.
    private static func privateFolder() throws -> URL {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("ecs-reinstall-tool-XXXXXX")
            .path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw ToolFailure(description: "no folder for its output (errno \(errno))") }
        return URL(fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// At most 1 MiB of a tool's output: ssh-keygen and ssh-keyscan print a few lines.
    private static func read(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
