import Foundation
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files this tool keeps under `$XDG_STATE_HOME/ecs-reinstall/` (the job journal, the last
/// scope): where they live, and how they are replaced, one rule for all of them.
public enum StateFile {
    /// Why a state file could not be locked or replaced, in words for the operator.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `$XDG_STATE_HOME/ecs-reinstall/<name>`, or `~/.local/state/…` when XDG_STATE_HOME is unset
    /// or relative (the specification says to ignore a relative one).
    public static func url(_ name: String, environment: [String: String]) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("ecs-reinstall").appendingPathComponent(name)
    }

    /// Runs `body` holding an exclusive flock on `<file>.lock`, the folder made first (0700):
    /// two instances reading and rewriting the file at once merge instead of overwriting.
    public static func withLock<T>(on file: URL, _ body: () throws -> T) throws -> T {
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "creating \(directory.path): \(error.localizedDescription)")
        }
        let lockPath = file.path + ".lock"
        let lock: FileDescriptor
        do {
            lock = try FileDescriptor.open(lockPath, .readWrite, options: [.create, .closeOnExec],
                                           permissions: [.ownerReadWrite])
        } catch {
            throw Failure(description: "opening \(lockPath): \(error)")
        }
        defer { try? lock.close() }
        // swift-system has no flock.
        while flock(lock.rawValue, LOCK_EX) != 0 {
            guard errno == EINTR else { throw Failure(description: "locking \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(lock.rawValue, LOCK_UN) }
        return try body()
    }

    /// Replaces `file` with `data`, mode 0600, atomically and durably: a temporary file written
    /// and fsynced, renamed over it, then the folder synced (the rename is durable only then).
    /// Call it holding `withLock(on:)`: the temporary name is the same for the whole process.
    public static func replace(_ file: URL, with data: Data) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        do {
            let descriptor = try FileDescriptor.open(
                temporary.path, .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite])
            try descriptor.closeAfter {
                _ = try descriptor.writeAll(data)
                // swift-system has no fsync: the one raw call left.
                guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
            }
        } catch {
            unlink(temporary.path)
            throw Failure(description: "writing \(temporary.path): \(error)")
        }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure(description: "replacing \(file.path): \(reason)")
        }
        syncFolder(of: file)
    }

    /// A rename in the folder of `file` is durable only once the folder itself is synced.
    public static func syncFolder(of file: URL) {
        guard let directory = try? FileDescriptor.open(
            file.deletingLastPathComponent().path, .readOnly, options: [.directory, .closeOnExec])
        else { return }
        fsync(directory.rawValue)
        try? directory.close()
    }
}
