import Foundation

/// One benchmark: it measures and returns its figures as lines of text. Benchmarks judge
/// nothing; a person (or a later comparison) reads the figures.
struct Benchmark: Sendable {
    var name: String
    /// `quick` asks for a small run that only proves the benchmark still works (CI).
    var run: @Sendable (_ quick: Bool) async throws -> [String]
}

/// Wall-clock and CPU time of a block.
struct Measurement {
    var wall: Duration
    var cpu: Duration

    static func of(_ body: () throws -> Void) rethrows -> Measurement {
        let cpuStart = processCPUTime()
        let start = ContinuousClock.now
        try body()
        return Measurement(wall: ContinuousClock.now - start, cpu: processCPUTime() - cpuStart)
    }

    static func of(_ body: () async throws -> Void) async rethrows -> Measurement {
        let cpuStart = processCPUTime()
        let start = ContinuousClock.now
        try await body()
        return Measurement(wall: ContinuousClock.now - start, cpu: processCPUTime() - cpuStart)
    }
}

func processCPUTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Duration.seconds(usage.ru_utime.tv_sec) + .microseconds(usage.ru_utime.tv_usec)
    let system = Duration.seconds(usage.ru_stime.tv_sec) + .microseconds(usage.ru_stime.tv_usec)
    return user + system
}

/// Resident memory of this process, from /proc (Linux).
func residentMemoryBytes(of process: String = "self") -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes * 1024
}

func mebibytes(_ bytes: Int?) -> String {
    bytes.map { String(format: "%.1f MiB", Double($0) / 1_048_576) } ?? "n/a"
}

func milliseconds(_ duration: Duration) -> String {
    String(format: "%.2f ms", duration.timeInterval * 1000)
}
