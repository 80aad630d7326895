import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The interactive session: the driver of an `AppRuntime` on the real terminal. It owns what only
/// a process has (signals, the terminal, the exit watchdog) and runs the loop: sleep in `poll()`
/// until a key or an event, hand them to the runtime, which draws a frame only when it changed.
package enum TerminalApp {
    /// Runs until the operator quits, a signal arrives or the terminal goes away; returns the
    /// process exit status (128 + the signal for a signal, 129 like SIGHUP for a vanished terminal).
    ///
    /// Leaving is bounded: the `ExitWatchdog` is armed before anything that could block (the
    /// signal handler arms it at once), so whatever is still in flight the process ends within
    /// about a second, the terminal given back either way.
    /// - Parameter leftLoop: clean-up that must not be cut short by the watchdog (the demo's
    ///   scratch folder), run as soon as the loop ends.
    @MainActor
    package static func run(
        initialState: AppState, client: CloudClient, journal: JobJournal?, options: TerminalOptions = TerminalOptions(),
        scopeMemory: ScopeMemory? = nil, readiness: ReadinessTools = ReadinessTools(),
        leftLoop: @MainActor () -> Void = {}
    ) throws -> Int32 {
        let wake = try WakePipe()
        ExitWatchdog.start()
        TerminalSignals.install(wake: wake)
        TerminalSignals.installCrashRestore()
        defer { TerminalSignals.uninstall() }

        let terminal = CursesTerminal(options: options)
        defer { terminal.restore() }
        TerminalSignals.forwardResizes()
        let runtime = AppRuntime(state: initialState, terminal: terminal, client: client, journal: journal,
                                 scopeMemory: scopeMemory, readiness: readiness, wake: wake)
        runtime.start()
        let exitStatus = loop(runtime, wake: wake)
        // At once: after a signal the watchdog's grace has already begun, and what follows (the
        // journal's queued writes, the caller's clean-up) may outlast it.
        leftLoop()
        let summary = runtime.leave()
        // Armed first, then the terminal given back before waiting for the journal's queued writes
        // (bounded, within the watchdog's grace) and cancelling: a wait or a cancel that blocks
        // then costs the grace period, never the operator's terminal.
        ExitWatchdog.arm(status: exitStatus)
        terminal.restore()
        // After the restore, so it stays on the terminal (also on a signal: where the terminal
        // is gone the write fails and is dropped; the watchdog bounds a write that blocks).
        ExitNotice.show(summary)
        runtime.runner.shutDown()
        return exitStatus
    }

    /// Feeds keys and events to the runtime until the operator quits (0), a signal arrives
    /// (128 + it) or input ends for good (129, as SIGHUP would). While a reinstall is being sent
    /// the first signal is held: its answer is awaited, then the app leaves with that signal's status.
    @MainActor
    static func loop(_ runtime: AppRuntime, wake: WakePipe) -> Int32 {
        var exitStatus: Int32 = 0
        while true {
            let holding = runtime.state.isSending && !runtime.state.leavingOnceAnswered
            if holding { TerminalSignals.holdNextSignal() } else { TerminalSignals.releaseHold() }
            let readiness = runtime.terminal.waitForInput(wake: wake)
            if let signal = TerminalSignals.takePending() {
                exitStatus = 128 + signal
                guard holding, TerminalSignals.releaseHold() else { return exitStatus }
                runtime.send(.signalWhileSending)
            }
            if readiness.inputClosed {
                awaitAnswerWithoutTerminal(runtime, wake: wake)
                return 128 + SIGHUP
            }
            for key in runtime.terminal.readAvailableKeys() {
                runtime.send(key)
            }
            runtime.drain()
            if runtime.state.quitRequested { return exitStatus }
        }
    }

    /// The terminal is gone (an SSH drop) while a reinstall is being sent: its answer is awaited
    /// all the same, so an accepted job reaches the journal and is resumed on the next start. The
    /// wait is bounded by the POST's write timeout; a further signal ends it at once.
    @MainActor
    static func awaitAnswerWithoutTerminal(_ runtime: AppRuntime, wake: WakePipe) {
        while runtime.state.isSending {
            // Only the wake pipe: a hung-up input would make poll() return at once, for ever.
            _ = InputWaiter.wait(stdin: -1, wake: wake, timeoutMilliseconds: nil)
            if TerminalSignals.takePending() != nil && !TerminalSignals.releaseHold() { return }
            runtime.drain()
        }
    }
}
