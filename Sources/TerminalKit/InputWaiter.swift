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

        public init(input: Bool, woken: Bool) {
            self.input = input
            self.woken = woken
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
        let readiness = Readiness(
            input: descriptors[0].revents & readable != 0,
            woken: descriptors[1].revents & readable != 0
        )
        if readiness.woken { wake.drain() }
        return readiness
    }
}
