#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalKit

/// Writes the exit summary to stderr with plain write(2): a terminal that hung up or a closed
/// pipe makes it fail quietly instead of trapping (FileHandle's `write`) or killing the process
/// with SIGPIPE, which would replace the exit status.
enum ExitNotice {
    static func show(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        signal(SIGPIPE, SIG_IGN)
        QuietOutput.write(lines.map { $0 + "\n" }.joined(), to: STDERR_FILENO)
    }
}
