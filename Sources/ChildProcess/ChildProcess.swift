#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the end-to-end tests, the benchmarks and the OpenSSH tools of the readiness check start
/// programs: posix_spawn and waitpid.
///
/// Not Foundation's `Process`: on Linux, inside Swift Testing or any async program, it can miss a
/// child's exit (the child stays a zombie, the wait never ends), and the child inherits the
/// caller's signal mask, which on a concurrency thread blocks nearly everything (a tmux server so
/// started ignores `kill-server`). Here the child gets an empty mask and default handlers, stdin
/// from a file, and its output in files (a tmux server must never hold a pipe of ours).
public enum ChildProcess {
    /// Starts `argv` (looked up on `PATH` when `argv[0]` has no `/`) with exactly `environment`.
    /// `newSession` detaches it from any controlling terminal, as under cron or CI.
    public static func spawn(
        _ argv: [String], environment: [String: String], stdin: String = "/dev/null",
        stdout: String = "/dev/null", stderr: String = "/dev/null", newSession: Bool = false
    ) throws(ChildProcessError) -> pid_t {
        guard let program = argv.first else { throw ChildProcessError("nothing to start") }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #if canImport(Glibc)
        // Nothing else of ours: a tmux server or a simulator holding a pipe of the test runner
        // would keep it from ever seeing the end of that pipe.
        _ = closeFrom?(&actions, 3)
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (newSession ? spawnSetSID : 0) | closeOthers))
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
            : posix_spawnp(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw ChildProcessError("\(program) could not be started (error \(result))") }
        return pid
    }

    /// Blocks until `pid` exits; its exit status (128 + signal when killed).
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return exitStatus(status)
    }

    /// Waits for `pid` without blocking a thread; after `timeout` it is killed and this throws.
    public static func wait(_ pid: pid_t, timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return exitStatus(status) }
            if reaped == -1 && errno != EINTR { throw ChildProcessError("waitpid(\(pid)): errno \(errno)") }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                wait(pid)
                throw ChildProcessError("pid \(pid) still running after \(timeout); killed")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// How a child waited for with `wait(_:until:grace:)` ended.
    public enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it that was not ours.
        case signalled(Int32)
        /// It ran past its time, or the waiting task was cancelled: it was stopped and reaped.
        case stopped
    }

    /// Waits for `pid` without blocking a thread. Once `timeout` has passed, or as soon as the
    /// waiting task is cancelled, it is asked to end (SIGTERM), forced (SIGKILL) if still there
    /// after `grace`, and reaped, so no child outlives its bound or its caller.
    public static func wait(_ pid: pid_t, timeout: Duration, grace: Duration) async -> Ending {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                return (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
            }
            if reaped == -1 && errno != EINTR { return .stopped }
            if Task.isCancelled || ContinuousClock.now >= deadline {
                stop(pid, grace: grace)
                return .stopped
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Asks `pid` to end (SIGTERM), forces it (SIGKILL) after `grace`, and reaps it.
    public static func stop(_ pid: pid_t, grace: Duration = .seconds(2)) {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        wait(pid)
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// Why a child could not be started or waited for.
public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// POSIX_SPAWN_SETSID, which glibc declares only under _GNU_SOURCE (so Swift does not import it).
#if canImport(Darwin)
private let spawnSetSID: Int32 = 0x0400
/// Darwin closes every descriptor not named in the file actions with this flag.
private let closeOthers = Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
#else
private let spawnSetSID: Int32 = 0x80
/// glibc does it with a file action instead, `closeFrom`.
private let closeOthers: Int32 = 0
/// posix_spawn_file_actions_addclosefrom_np (glibc 2.34 and later), looked up at run time because
/// glibc declares it only under _GNU_SOURCE; without it, descriptors are inherited as before.
private let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(
        symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()
#endif
