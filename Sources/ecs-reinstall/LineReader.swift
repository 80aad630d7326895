#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line from a file descriptor, read a byte at a time so nothing past the newline is
/// consumed (stdin may hold more for someone else): at most 4096 bytes, without the `\n` or a
/// trailing `\r`. Interrupted reads are retried.
enum LineReader {
    static func readLine(_ fd: Int32) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 4096 {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }
}
