import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that holds a secret key: like OpenSSH with a private key, it is refused when group or
/// others may access it.
enum PrivateFile {
    /// The text of the file at `path`; nil when it does not exist. Throws, naming the file as
    /// `describedAs` (e.g. "credentials file"), when it is too open, not a regular file, or unreadable.
    static func read(_ path: String, describedAs what: String) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { return nil }
            throw CloudError.configuration(
                "The \(what) \(path) cannot be read (\(String(cString: strerror(reason)))). Check its permissions.")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CloudError.configuration("The \(what) \(path) is not a regular file.")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw CloudError.configuration(
                "The \(what) \(path) is accessible by group or others (mode \(String(mode, radix: 8))), "
                    + "and it holds a secret key, so it is not used. Fix it with: chmod 600 \(path)")
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CloudError.configuration("The \(what) \(path) cannot be read as UTF-8 text. Check its contents.")
        }
    }
}
