#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HuaweiCloud

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

extension LineReader {
    /// `readLine`, straight into a secret's buffer: no intermediate array whose growth would leave
    /// stale copies of the password in freed memory.
    static func readSecretLine(_ fd: Int32) -> Secret {
        let line = Secret()
        var byte: UInt8 = 0
        defer { byte = 0 }
        while line.byteCount < 4096 {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || byte == UInt8(ascii: "\n") { break }
            withUnsafeBytes(of: byte) { line.append(contentsOf: $0) }
        }
        let count = line.byteCount
        if count > 0, line.withBytes({ $0[count - 1] }) == UInt8(ascii: "\r") { line.removeBytes(count - 1..<count) }
        return line
    }
}

extension LineReader {
    /// One line from a terminal, read to its end however long it is (in blocks: a terminal in
    /// canonical mode hands over one line per read), keeping at most `limit` bytes.
    /// - Returns: the kept bytes (without `\n` or a trailing `\r`) and whether any were dropped.
    static func readWholeLine(_ fd: Int32, keeping limit: Int) -> (bytes: [UInt8], truncated: Bool) {
        var line: [UInt8] = []
        var truncated = false
        var block = [UInt8](repeating: 0, count: 4096)
        reading: while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            for byte in block[..<n] {
                if byte == UInt8(ascii: "\n") { break reading }
                if line.count < limit { line.append(byte) } else { truncated = true }
            }
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return (line, truncated)
    }
}
