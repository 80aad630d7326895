#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe: background code (and signal handlers) call `wake()` to interrupt the main
/// loop's `poll()`, which watches `readDescriptor` next to stdin.
///
/// Sendable because its state is two immutable descriptors and `write`/`read` on a pipe are
/// thread-safe system calls.
public final class WakePipe: Sendable {
    public enum Failure: Error, Equatable {
        case cannotCreate(errno: Int32)
    }

    public let readDescriptor: Int32
    let writeDescriptor: Int32

    public init() throws {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw Failure.cannotCreate(errno: errno) }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        // Non-blocking both ways: a full pipe already means "wake up", and drain must not block.
        // Close-on-exec so child processes do not inherit them.
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Makes the pipe readable. Never blocks; if the pipe is full the reader is already due to wake.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe so the next `poll()` sleeps again.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
