#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sleeps until there is something to do: a key on stdin, a wake-up from background work or a
/// signal, or the timeout. Zero CPU while idle.
public enum InputWaiter {
    /// What ended the wait. A signal interrupting `poll()` shows up as neither being ready.
    public struct Readiness: Sendable, Equatable {
        public var input: Bool
        public var woken: Bool
        /// Input has ended for good: the terminal hung up (POLLHUP, EIO), or end of file. Reading
        /// would only fail again at once, so the caller should quit instead of spinning.
        public var inputClosed: Bool

        public init(input: Bool, woken: Bool, inputClosed: Bool = false) {
            self.input = input
            self.woken = woken
            self.inputClosed = inputClosed
        }
    }

    /// Blocks in `poll()` on stdin and the wake pipe until either is readable or the timeout
    /// passes (nil waits forever). Drains the wake pipe when it fired, so the next wait sleeps.
    @discardableResult
    public static func wait(stdin: Int32 = 0, wake: WakePipe, timeoutMilliseconds: Int32?) -> Readiness {
        var descriptors = [
            pollfd(fd: stdin, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let result = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds ?? -1)
        // EINTR (a signal) or a timeout: the caller's loop looks at signals and timers anyway.
        guard result > 0 else { return Readiness(input: false, woken: false) }
        let readable = Int16(POLLIN | POLLHUP | POLLERR)
        let input = descriptors[0].revents
        let readiness = Readiness(
            input: input & readable != 0,
            woken: descriptors[1].revents & readable != 0,
            inputClosed: input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                || (input & Int16(POLLIN) != 0 && !hasBytes(stdin))
        )
        if readiness.woken { wake.drain() }
        return readiness
    }

    /// Readable with nothing to read is end of file (or a read error waiting to happen). Only
    /// this thread reads `descriptor`, so the bytes `poll()` saw are still there.
    private static func hasBytes(_ descriptor: Int32) -> Bool {
        var count: Int32 = 0
        guard ioctl(descriptor, UInt(FIONREAD), &count) == 0 else { return false }
        return count > 0
    }
}
