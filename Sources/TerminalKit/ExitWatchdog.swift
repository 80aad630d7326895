#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes leaving the UI bounded in time, whatever background work is doing.
///
/// The orderly exit (restore the terminal with curses, cancel the effects, stop the demo's
/// simulator) runs on the main thread and can block: a network library's cancel has been seen
/// to wait forever. So every way out (a quit key, a handled signal, a vanished terminal) first
/// arms this watchdog. It is a plain thread, independent of the main actor and of Swift's
/// cooperative pool, asleep in `read(2)` on its own pipe; a byte on the pipe (written by `arm`,
/// or straight from the signal handler, so it works even while the main thread is stuck) starts
/// the grace period. When the grace period ends with the process still alive, it restores the
/// terminal itself (`EmergencyTerminal.restore`: the saved tty modes and the terminal's reset
/// sequence, no curses call) and `_exit`s with the status it was armed with (128 + the signal
/// for a signal). The journal's writes are atomic (temporary file, fsync, rename), so a hard
/// exit loses no job.
public enum ExitWatchdog {
    /// How long the orderly exit may take before the watchdog ends the process.
    public static let grace: Duration = .milliseconds(1000)
    /// How long the watchdog's own restore may take (a write to a terminal can block too).
    static let restoreLimitMicroseconds = 300_000

    /// Starts the watchdog thread (once per process; later calls do nothing). Call from the main
    /// thread before the terminal is set up.
    public static func start() {
        let slots = SignalSlots.pointer
        guard slots[SignalSlots.watchdogDescriptor] < 0 else { return }
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return }
        // The writer (a signal handler among others) must never block; the reader sleeps.
        _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        slots[SignalSlots.watchdogReadDescriptor] = descriptors[0]
        // The thread starts with every signal blocked (it inherits this thread's mask), so signals
        // keep going to the threads that expect them, the main one above all.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { _ in
            ExitWatchdog.watch()
            return nil
        }, nil)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        guard created == 0 else {
            close(descriptors[0])
            close(descriptors[1])
            return
        }
        pthread_detach(thread)
        slots[SignalSlots.watchdogDescriptor] = descriptors[1]
    }

    /// Starts the grace period: unless the process has ended by then, the watchdog restores the
    /// terminal and exits with `status`. The first call wins; safe from any thread.
    public static func arm(status: Int32) {
        armFromAnywhere(status: status)
    }

    /// Async-signal-safe: one write(2) to a non-blocking pipe.
    static func armFromAnywhere(status: Int32) {
        let descriptor = SignalSlots.pointer[SignalSlots.watchdogDescriptor]
        guard descriptor >= 0 else { return }
        var byte = UInt8(truncatingIfNeeded: status)
        _ = write(descriptor, &byte, 1)
    }

    /// The watchdog thread: sleeps until armed, waits out the grace period, then ends the process.
    private static func watch() {
        let slots = SignalSlots.pointer
        let descriptor = slots[SignalSlots.watchdogReadDescriptor]
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { break }
            if count < 0, errno == EINTR { continue }
            return  // the pipe is gone: nothing can arm us any more
        }
        let status = Int32(byte)
        let milliseconds = grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000
        var remaining = timespec(tv_sec: Int(milliseconds / 1000), tv_nsec: Int(milliseconds % 1000) * 1_000_000)
        var left = timespec()
        while nanosleep(&remaining, &left) != 0, errno == EINTR { remaining = left }
        // Still alive: the orderly exit is stuck. Bound our own restore too: should writing to the
        // terminal block, SIGALRM ends the process with the same status.
        slots[SignalSlots.exitStatus] = status
        signal(SIGALRM) { _ in _exit(SignalSlots.pointer[SignalSlots.exitStatus]) }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGALRM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var timer = itimerval(
            it_interval: timeval(tv_sec: 0, tv_usec: 0),
            it_value: timeval(tv_sec: 0, tv_usec: restoreLimitMicroseconds))
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
        EmergencyTerminal.restore()
        _exit(status)
    }
}

/// What it takes to give the terminal back without curses, from a watchdog thread or a signal
/// handler: the tty modes saved before curses changed them, and the bytes that leave the
/// alternate screen, show the cursor, end keypad mode and reset attributes. Everything lives in
/// memory allocated once and never freed, and `restore` only does plain loads, `write(2)` and
/// `tcsetattr(3)`, which are async-signal-safe.
public enum EmergencyTerminal {
    /// Saves the modes of the terminal on `descriptor`; call before curses starts.
    public static func saveModes(descriptor: Int32) {
        Storage.prepare()
        guard tcgetattr(descriptor, Storage.modes) == 0 else { return }
        Storage.slots[Storage.modesDescriptor] = descriptor
    }

    /// Remembers the bytes that undo what curses set up (at most `Storage.sequenceCapacity`).
    public static func setResetSequence(_ bytes: [UInt8]) {
        let count = min(bytes.count, Storage.sequenceCapacity)
        Storage.slots[Storage.sequenceLength] = 0
        for index in 0..<count { Storage.sequence[index] = bytes[index] }
        Storage.slots[Storage.sequenceLength] = Int32(count)
        Storage.slots[Storage.active] = 1
    }

    /// The terminal was given back the orderly way: nothing left for `restore` to do.
    public static func markRestored() {
        Storage.slots[Storage.active] = 0
    }

    /// Gives the terminal back unless that was already done. Async-signal-safe.
    public static func restore() {
        guard Storage.slots[Storage.active] != 0 else { return }
        Storage.slots[Storage.active] = 0
        let length = Int(Storage.slots[Storage.sequenceLength])
        var offset = 0
        while offset < length {
            let written = write(STDOUT_FILENO, Storage.sequence + offset, length - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                break  // the terminal is gone, or refuses: nothing more to do
            }
        }
        let descriptor = Storage.slots[Storage.modesDescriptor]
        if descriptor >= 0 { _ = tcsetattr(descriptor, TCSANOW, Storage.modes) }
    }

    /// Raw memory shared with signal handlers and the watchdog thread (see `SignalSlots` for why
    /// not Swift globals). Initialised on first use, which `saveModes` makes happen on the main
    /// thread before any handler or the watchdog can read it; never freed. After that, written
    /// only by the main thread before the UI starts, or as single aligned 32-bit stores.
    enum Storage {
        static let active = 0
        static let modesDescriptor = 1
        static let sequenceLength = 2
        static let sequenceCapacity = 256

        nonisolated(unsafe) static let slots: UnsafeMutablePointer<Int32> = {
            let slots = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
            slots.initialize(repeating: 0, count: 3)
            slots[modesDescriptor] = -1
            return slots
        }()
        nonisolated(unsafe) static let modes: UnsafeMutablePointer<termios> = {
            let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            modes.initialize(to: termios())
            return modes
        }()
        nonisolated(unsafe) static let sequence: UnsafeMutablePointer<UInt8> = {
            let sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: sequenceCapacity)
            sequence.initialize(repeating: 0, count: sequenceCapacity)
            return sequence
        }()

        /// Runs the three initialisers now.
        static func prepare() {
            _ = (slots, modes, sequence)
        }
    }
}
