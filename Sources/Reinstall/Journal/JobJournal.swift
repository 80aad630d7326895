import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The durable record of submitted jobs: a JSON Lines file rewritten whole on every change
/// (write a temporary file, fsync, rename), under an advisory lock so that two instances
/// running at once merge their changes instead of overwriting each other's.
///
/// A file that cannot be read, or holds a line that is not an entry (a hand edit, a full disk,
/// a newer version's format), is never rewritten over: it is renamed aside to
/// `jobs.jsonl.unreadable-<UTC time>` and a new journal is started with the entries that could
/// be read. The operation that found it says so (`JournalMovedAside`), so the operator learns
/// where the old file went.
public struct JobJournal: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Writing (or locking, or creating the folder) failed.
        case io(String)
        /// The file could not be read, nor moved aside.
        case unreadable(file: String, reason: String, moveFailure: String)

        public var description: String {
            switch self {
            case .io(let what): return "The job journal could not be written: \(what)"
            case let .unreadable(file, reason, moveFailure):
                return "The job journal \(file) could not be read (\(reason)) nor moved aside (\(moveFailure))"
            }
        }
    }

    public let file: URL
    /// Finished entries older than this are dropped when the journal is rewritten.
    public var retention: TimeInterval = 30 * 24 * 3600

    public init(file: URL) { self.file = file }

    /// `$XDG_STATE_HOME/ecs-reinstall/jobs.jsonl`, or `~/.local/state/…` when XDG_STATE_HOME is unset.
    public static func defaultFile(environment: [String: String]) -> URL {
        StateFile.url("jobs.jsonl", environment: environment)
    }

    /// Every entry; a missing file is an empty journal. A damaged file is moved aside first.
    public func load() throws -> JournalContents {
        try withLock {
            let (entries, movedAside) = try readIntactEntries()
            return JournalContents(entries: entries, movedAside: movedAside)
        }
    }

    /// Inserts or replaces the entry of the same job (scope and job id), durably, before
    /// returning. Returns where a damaged file was moved, when it was.
    ///
    /// A finished entry is never replaced by an unfinished one of the same submission: a late
    /// write of an older state (from this process or another one following the same job) cannot
    /// make a finished job read as unfinished after a restart. A job id can come back for another
    /// submission (a simulator restarted with its fixed seed): the newer submission's entry
    /// replaces the older one whatever their states, and a late write about the older one is
    /// dropped, so the newer job is never left unjournaled.
    @discardableResult
    public func record(_ entry: JournalEntry) throws -> JournalMovedAside? {
        try withLock {
            let (read, movedAside) = try readIntactEntries()
            if let existing = read.first(where: { $0.isSameJob(as: entry) }) {
                if existing.isSameSubmission(as: entry) {
                    if existing.isFinished, !entry.isFinished { return movedAside }
                } else if existing.submittedAt > entry.submittedAt {
                    return movedAside
                }
            }
            var entries = read.filter { !$0.isSameJob(as: entry) }
            entries.append(entry)
            try write(prune(entries, now: entry.updatedAt))
            return movedAside
        }
    }

    /// Removes every entry of `scope` (the demo's simulated cloud is new on every start).
    /// Returns where a damaged file was moved, when it was.
    @discardableResult
    public func removeAll(scope: String) throws -> JournalMovedAside? {
        try removeAll { $0.scope == scope }
    }

    /// Removes the entries `shouldRemove` picks (the demo's, of whichever region).
    public func removeAll(where shouldRemove: (JournalEntry) -> Bool) throws -> JournalMovedAside? {
        try withLock {
            let (entries, movedAside) = try readIntactEntries()
            try write(entries.filter { !shouldRemove($0) })
            return movedAside
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

    /// The entries, after moving a file that could not be read whole aside (and starting the new
    /// journal with the entries it did hold). Call under the lock.
    private func readIntactEntries() throws -> ([JournalEntry], JournalMovedAside?) {
        switch readEntries() {
        case let .success(entries):
            return (entries, nil)
        case let .failure(.passing(reason)):
            throw Failure.io("reading \(file.path): \(reason)")
        case let .failure(.damaged(damage)):
            let aside: URL
            do {
                aside = try moveAside()
            } catch {
                throw Failure.unreadable(file: file.path, reason: damage.reason, moveFailure: "\(error)")
            }
            do {
                try write(damage.readable)
            } catch {
                // Moved, but the new journal could not be started: still say where the old one went.
                throw Failure.io("\(error); the unreadable journal was moved to \(aside.path)")
            }
            return (damage.readable, JournalMovedAside(
                file: file.path, movedTo: aside.path, reason: damage.reason, keptEntries: damage.readable.count))
        }
    }

    private struct Damage: Error {
        var reason: String
        var readable: [JournalEntry]
    }

    private enum ReadFailure: Error {
        /// The file is not a journal: it is moved aside.
        case damaged(Damage)
        /// It could not be read now; it is left as it is.
        case passing(String)
    }

    private func readEntries() -> Result<[JournalEntry], ReadFailure> {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(file.path, .readOnly, options: .closeOnExec)
        } catch let error as Errno {
            if error == .noSuchFileOrDirectory { return .success([]) }
            // Only what says the file itself is unusable moves it aside; a passing failure (no
            // descriptors left, EIO, no memory) must not turn a good journal into an empty one.
            guard error == .permissionDenied || error == .isDirectory else { return .failure(.passing(error.description)) }
            return .failure(.damaged(Damage(reason: error.description, readable: [])))
        } catch {
            return .failure(.passing(String(describing: error)))
        }
        var status = stat()
        let isRegularFile = fstat(descriptor.rawValue, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        try? descriptor.close()
        guard isRegularFile else {
            return .failure(.damaged(Damage(reason: "it is not a regular file", readable: [])))
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            return .failure(.passing(error.localizedDescription))
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var entries: [JournalEntry] = []
        var damagedLines: [Int] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            if let entry = try? decoder.decode(JournalEntry.self, from: Data(line)) {
                entries.append(entry)
            } else {
                damagedLines.append(number + 1)
            }
        }
        guard damagedLines.isEmpty else {
            let lines = damagedLines.prefix(3).map(String.init).joined(separator: ", ")
                + (damagedLines.count > 3 ? ", …" : "")
            let reason = damagedLines.count == 1 ? "line \(lines) is not a job entry" : "lines \(lines) are not job entries"
            return .failure(.damaged(Damage(reason: reason, readable: entries)))
        }
        return .success(entries)
    }

    /// Renames the file to `<name>.unreadable-<UTC time>` (with `-2`, `-3`, … when taken): a
    /// hard link first, so an existing file of that name is never replaced, then the old name
    /// is removed.
    private func moveAside() throws -> URL {
        let base = file.path + ".unreadable-" + Self.asideStamp.format(Date())
        for attempt in 1...100 {
            let candidate = attempt == 1 ? base : "\(base)-\(attempt)"
            if link(file.path, candidate) == 0 {
                guard unlink(file.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(candidate)
                    throw Failure.io("removing \(file.path): \(reason)")
                }
                StateFile.syncFolder(of: file)
                return URL(fileURLWithPath: candidate)
            }
            if errno == EEXIST { continue }
            // No hard links here (some file systems): rename, having checked the name is free.
            guard !FileManager.default.fileExists(atPath: candidate) else { continue }
            guard rename(file.path, candidate) == 0 else {
                throw Failure.io("renaming \(file.path): \(String(cString: strerror(errno)))")
            }
            StateFile.syncFolder(of: file)
            return URL(fileURLWithPath: candidate)
        }
        throw Failure.io("no free name beside \(file.path)")
    }

    /// `20250101T080000Z`: UTC, no separators, so the name sorts by time and suits any file system.
    private static let asideStamp = Date.ISO8601FormatStyle(dateSeparator: .omitted, timeSeparator: .omitted)

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
        do {
            try StateFile.replace(file, with: data)
        } catch let failure as StateFile.Failure {
            throw Failure.io(failure.description)
        }
    }

    /// Holds an exclusive flock on `<file>.lock` for the duration of `body`.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        do {
            return try StateFile.withLock(on: file, body)
        } catch let failure as StateFile.Failure {
            throw Failure.io(failure.description)
        }
    }
}
