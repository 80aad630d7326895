import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watching a process end from the outside, by polling with a deadline.
enum ProcessWatch {
    /// Whether `pid` has ended: no such process, or a zombie waiting for its parent to reap it.
    static func isGone(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        // "pid (comm) S …": the state follows the command name, which may itself hold spaces.
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Polls every 5 ms until `pid` is gone; returns how long that took, or nil when it was still
    /// there at `limit`.
    static func timeUntilGone(_ pid: pid_t, limit: Duration) async -> Duration? {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < limit {
            if isGone(pid) { return clock.now - start }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return isGone(pid) ? clock.now - start : nil
    }

    /// "min 40 ms, median 60 ms, max 1010 ms" for a test's output.
    static func summary(_ times: [Duration]) -> String {
        let sorted = times.map { Int($0 / .milliseconds(1)) }.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "no runs" }
        return "min \(first) ms, median \(sorted[sorted.count / 2]) ms, max \(last) ms"
    }
}
