#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// A self-pipe: background code (and signal handlers) call `wake()` to interrupt the main
/// loop's `poll()`, which watches `readDescriptor` next to stdin.
///
/// Sendable because its state is two immutable descriptors and `write`/`read` on a pipe are
/// thread-safe system calls.
public final class WakePipe: Sendable {
    public enum Failure: Error, Equatable {
        case cannotCreate(errno: Int32)
    }

    private let readEnd: FileDescriptor
    private let writeEnd: FileDescriptor

    /// For `poll()`.
    public var readDescriptor: Int32 { readEnd.rawValue }
    /// For a signal handler, which may only call async-signal-safe `write(2)` on it.
    var writeDescriptor: Int32 { writeEnd.rawValue }

    public init() throws {
        do {
            (readEnd, writeEnd) = try FileDescriptor.pipe()
        } catch let error as Errno {
            throw Failure.cannotCreate(errno: error.rawValue)
        }
        // Non-blocking both ways: a full pipe already means "wake up", and drain must not block.
        // Close-on-exec so child processes do not inherit them. (swift-system has no fcntl.)
        for descriptor in [readEnd.rawValue, writeEnd.rawValue] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        try? readEnd.close()
        try? writeEnd.close()
    }

    /// Makes the pipe readable. Never blocks; if the pipe is full the reader is already due to wake.
    public func wake() {
        _ = try? withUnsafeBytes(of: UInt8(1)) { try writeEnd.write($0) }
    }

    /// Empties the pipe so the next `poll()` sleeps again.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while let count = try? buffer.withUnsafeMutableBytes({ try readEnd.read(into: $0) }), count > 0 {}
    }
}
