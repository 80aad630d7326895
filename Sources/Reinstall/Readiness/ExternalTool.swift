import Foundation

/// An OpenSSH tool (`ssh-keygen`, `ssh-keyscan`) found on PATH and run with its arguments as an
/// array, never through a shell, with a bound on how long it may take.
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

    /// Runs the tool with `arguments` and stdin closed; stopped (SIGTERM) after `timeout`.
    public func run(_ arguments: [String], timeout: Duration) async throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in finished.continuation.finish() }
        try process.run()
        // Read while it runs, so a full pipe cannot stall it.
        async let standardOutput = Self.readAll(out.fileHandleForReading)
        async let standardError = Self.readAll(err.fileHandleForReading)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        return Output(status: process.terminationReason == .exit ? process.terminationStatus : nil,
                      standardOutput: await standardOutput, standardError: await standardError)
    }

    private static func readAll(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = (try? handle.readToEnd()) ?? Data()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
    }
}
