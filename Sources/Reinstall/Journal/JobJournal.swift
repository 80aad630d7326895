import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The durable record of submitted jobs: a JSON Lines file rewritten whole on every change
/// (write a temporary file, fsync, rename), under an advisory lock so that two instances
/// running at once merge their changes instead of overwriting each other's. A damaged line
/// (a hand edit, a full disk) costs that line only.
public struct JobJournal: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case io(String)
        public var description: String {
            switch self {
            case .io(let what): return "The job journal could not be written: \(what)"
            }
        }
    }

    public let file: URL
    /// Finished entries older than this are dropped when the journal is rewritten.
    public var retention: TimeInterval = 30 * 24 * 3600

    public init(file: URL) { self.file = file }

    /// `$XDG_STATE_HOME/ecs-reinstall/jobs.jsonl`, or `~/.local/state/…` when XDG_STATE_HOME is unset.
    public static func defaultFile(environment: [String: String]) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("ecs-reinstall/jobs.jsonl")
    }

    /// Every readable entry; a missing file is an empty journal.
    public func load() throws -> [JournalEntry] {
        try withLock { try readEntries() }
    }

    /// Inserts or replaces the entry with the same job id, durably, before returning.
    public func record(_ entry: JournalEntry) throws {
        try withLock {
            var entries = try readEntries().filter { $0.jobId != entry.jobId }
            entries.append(entry)
            try write(prune(entries, now: entry.updatedAt))
        }
    }

    /// Removes every entry of `scope` (the demo's simulated cloud is new on every start).
    public func removeAll(scope: String) throws {
        try withLock {
            try write(try readEntries().filter { $0.scope != scope })
        }
    }

    // MARK: File plumbing

    private func prune(_ entries: [JournalEntry], now: Date) -> [JournalEntry] {
        entries.filter { entry in
            guard let finished = entry.finishedAt else { return true }
            return now.timeIntervalSince(finished) < retention
        }
        .sorted { $0.submittedAt < $1.submittedAt }
    }

    private func readEntries() throws -> [JournalEntry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw Failure.io("reading \(file.path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(JournalEntry.self, from: Data(line))
        }
    }

    private func write(_ entries: [JournalEntry]) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for entry in entries {
            guard let line = try? encoder.encode(entry) else { continue }
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.io("creating \(temporary.path): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n <= 0 { return -1 }
                offset += n
            }
            return offset
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced else {
            unlink(temporary.path)
            throw Failure.io("writing \(temporary.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw Failure.io("replacing \(file.path): \(String(cString: strerror(errno)))")
        }
        syncDirectory()
    }

    /// The rename is durable only once the directory itself is synced.
    private func syncDirectory() {
        let fd = open(file.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Holds an exclusive flock on `<file>.lock` for the duration of `body`.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure.io("creating \(directory.path): \(error.localizedDescription)")
        }
        let lockPath = file.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.io("opening \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw Failure.io("locking \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
