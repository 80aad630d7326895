#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT become a flag plus a byte on the wake pipe; the main loop
/// calls `takePending()`, restores the terminal and exits on its own terms. The same handler arms
/// the `ExitWatchdog` (when it runs), so the exit stays bounded even while the main thread is
/// stuck. SIGWINCH is left to curses (on Linux a process signal goes to the main thread first, so
/// it interrupts `poll()` too).
///
/// SIGQUIT (`Ctrl-\`) is handled like SIGTERM, a clean quit with status 131, rather than left to
/// its default: that would hand the terminal to Swift's backtracer, which prints over the screen
/// and waits 30 s for a key. Crashes are covered by `installCrashRestore()`.
public enum TerminalSignals {
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The signals of a crash, which Swift's runtime answers with its backtracer.
    public static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers. Call once, from the main thread; the pipe is kept alive for good.
    public static func install(wake: WakePipe) {
        // Touching the lazily initialised globals here finishes their one-time initialisation
        // before any handler can run, so the handler only ever reads them.
        let slots = SignalSlots.pointer
        installedPipe = wake
        slots[SignalSlots.wakeDescriptor] = wake.writeDescriptor
        for signalNumber in handled {
            signal(signalNumber) { received in
                // Only async-signal-safe work: plain stores through a pointer and write(2).
                let savedErrno = errno
                let slots = SignalSlots.pointer
                if received > 0, received < Int32(SignalSlots.signalCount) {
                    slots[Int(received)] = 1
                }
                // The hold is taken before the wake byte is written: the handler may run on
                // another thread, and the loop reads the hold as soon as it wakes.
                if slots[SignalSlots.hold] == 1 && received != SIGQUIT {
                    // Held once (`holdNextSignal`): the app decides when to leave.
                    slots[SignalSlots.hold] = 2
                } else {
                    ExitWatchdog.armFromAnywhere(status: 128 + received)
                }
                var byte: UInt8 = 0
                _ = write(slots[SignalSlots.wakeDescriptor], &byte, 1)
                errno = savedErrno
            }
        }
        // A parent may have started us with these blocked (some process launchers do); then
        // `kill` would do nothing. Unblock them on this, the main, thread, which receives them.
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in handled { sigaddset(&set, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Makes a resize wake the main loop: curses' SIGWINCH handler (installed by `initscr`) runs
    /// first and records the resize, then a byte on the wake pipe ends the loop's `poll()`. Call
    /// once curses is set up, after `install`.
    ///
    /// Without this a resize is seen only when `poll()` happens to be interrupted, which takes the
    /// signal landing on the loop's thread. Under Swift's async `main` the process's first thread
    /// is parked in `dispatch_main` with every signal unblocked, so the kernel hands SIGWINCH to
    /// it, and the loop (on the main actor's thread) would learn of the resize at the next key.
    public static func forwardResizes() {
        let chained = ResizeChain.pointer
        sigaction(SIGWINCH, nil, chained)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { received in
            let savedErrno = errno
            let previous = ResizeChain.pointer.pointee
            if previous.sa_flags & Int32(SA_SIGINFO) == 0, let handler = previous.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) > 1 {  // not SIG_DFL (0) nor SIG_IGN (1)
                handler(received)
            }
            var byte: UInt8 = 0
            _ = write(SignalSlots.pointer[SignalSlots.wakeDescriptor], &byte, 1)
            errno = savedErrno
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &action, nil)
    }

    /// Puts the default dispositions back: after restoring the terminal, the app can
    /// `uninstall()` then `raise(signal)` to exit with the conventional status.
    public static func uninstall() {
        for signalNumber in handled { signal(signalNumber, SIG_DFL) }
    }

    /// On a crash, gives the terminal back (`EmergencyTerminal.restore`) and dies of the same
    /// signal, with its default action.
    ///
    /// This replaces the handlers of Swift's backtracer for the life of the UI. We chose this over
    /// `SWIFT_BACKTRACE=enable=no`: the runtime reads that variable when the process starts, so
    /// setting it from `main` comes too late (it would take a re-exec), and a crash would still
    /// leave the terminal in curses' modes. The price is that a crash of the UI prints no
    /// backtrace; the commands for scripts, which do not call this, keep it.
    public static func installCrashRestore() {
        EmergencyTerminal.Storage.prepare()
        for signalNumber in crashes {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                EmergencyTerminal.restore()
                // The handler was reset to the default on entry (SA_RESETHAND) and the signal is
                // not blocked inside it (SA_NODEFER): this ends the process, as the crash would have.
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND) | UInt32(SA_NODEFER) | UInt32(SA_ONSTACK))
            sigaction(signalNumber, &action, nil)
        }
    }

    /// The next signal (but SIGQUIT, which always leaves) does not arm the exit watchdog: the app
    /// leaves when it chooses (a reinstall's answer awaited first); the one after does. Main thread.
    public static func holdNextSignal() {
        // A hold a signal took stays taken until `releaseHold` reports it.
        let slots = SignalSlots.pointer
        if slots[SignalSlots.hold] != 2 { slots[SignalSlots.hold] = 1 }
    }

    /// Ends the hold; true when a signal took it since `holdNextSignal`. Main thread.
    @discardableResult
    public static func releaseHold() -> Bool {
        let slots = SignalSlots.pointer
        let taken = slots[SignalSlots.hold] == 2
        slots[SignalSlots.hold] = 0
        return taken
    }

    /// The first signal received since the last call, if any, in `handled` order.
    public static func takePending() -> Int32? {
        let slots = SignalSlots.pointer
        for signalNumber in handled where slots[Int(signalNumber)] != 0 {
            slots[Int(signalNumber)] = 0
            return signalNumber
        }
        return nil
    }

    /// Keeps the pipe (and so the descriptor the handler writes to) open for the life of the process.
    /// Safe: only `install` touches it, and `install` is documented main-thread-only.
    nonisolated(unsafe) private static var installedPipe: WakePipe?
}

/// The SIGWINCH disposition `forwardResizes` replaced (curses'), for its handler to call. Raw
/// memory for the same reason as `SignalSlots`; written before the handler is installed.
enum ResizeChain {
    nonisolated(unsafe) static let pointer: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        pointer.initialize(to: sigaction())
        return pointer
    }()
}

/// Raw memory shared with the signal handler: one flag per signal number, then the wake
/// descriptor. A pointer rather than Swift globals because a handler must not go through
/// Swift's exclusivity checks (they keep per-thread bookkeeping, not async-signal-safe);
/// aligned 32-bit loads and stores are single instructions, so a handler interrupting the
/// main loop never sees a torn value. A lost race in `takePending` (flag set again between
/// read and clear) only drops a repeat of the signal being handled.
///
/// After the flags: the wake pipe's write end, the watchdog pipe's write and read ends (-1 until
/// `ExitWatchdog.start`), the status the watchdog exits with, and the hold of the next signal
/// (0 none, 1 held, 2 taken by a signal).
enum SignalSlots {
    static let signalCount = 65
    static let wakeDescriptor = signalCount
    static let watchdogDescriptor = signalCount + 1
    static let watchdogReadDescriptor = signalCount + 2
    static let exitStatus = signalCount + 3
    static let hold = signalCount + 4

    /// Never freed: handlers may run until the process exits.
    nonisolated(unsafe) static let pointer: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: signalCount + 5)
        pointer.initialize(repeating: 0, count: signalCount)
        (pointer + signalCount).initialize(repeating: -1, count: 3)
        (pointer + exitStatus).initialize(to: 0)
        (pointer + hold).initialize(to: 0)
        return pointer
    }()
}
