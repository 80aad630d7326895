import Foundation
import Logging
import TerminalKit

/// A swift-log handler that appends one line per message to a file:
/// `2026-12-02T03:04:05.678Z debug cloud: GET https://… 200 …`. Control characters (a cloud's
/// text can carry them) are written as `\xHH`, so the log reads safely with `cat` or `tail -f`.
struct FileLogHandler: LogHandler {
    let file: AppendOnlyFile
    let label: String
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, file: AppendOnlyFile) {
        self.label = label
        self.file = file
    }

    private static let stampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }
            .sorted { $0.key < $1.key }
            .map { " \($0.key)=\($0.value)" }
            .joined()
        let stamp = Date().formatted(Self.stampStyle)
        file.append("\(stamp) \(event.level) \(label): " + TerminalText.visible(event.message.description + fields) + "\n")
    }
}

/// A file opened once for appending; each line is one `write(2)` with `O_APPEND`, so lines from
/// several threads never interleave.
final class AppendOnlyFile: Sendable {
    private let descriptor: Int32

    /// Opens (creating it with mode 0600) `url`, making its folder with mode 0700 when missing.
    /// An existing file is kept and set to 0600: it may hold what a past run logged.
    init(url: URL) throws(DebugLogError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DebugLogError(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw DebugLogError(path: url.path, reason: String(cString: strerror(errno))) }
        guard fchmod(fd, 0o600) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DebugLogError(path: url.path, reason: "cannot make it private (\(reason))")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// A full disk loses log lines, never the command.
    func append(_ line: String) {
        QuietOutput.write(line, to: descriptor)
    }
}

/// `--debug` was given but its log cannot be written.
struct DebugLogError: Error {
    var path: String
    var reason: String

    var message: String { "--debug: cannot write the log \(path): \(reason)" }
}
