#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the exit summary to stderr with plain write(2): a terminal that hung up or a closed
/// pipe makes it fail quietly instead of trapping (FileHandle's `write`) or killing the process
/// with SIGPIPE, which would replace the exit status.
enum ExitNotice {
    static func show(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        signal(SIGPIPE, SIG_IGN)
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { buffer in
                write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
