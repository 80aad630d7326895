import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The interactive session: a poll()-driven loop on the main thread that owns every curses call.
/// Keys and background events go through `reduce`; a frame is drawn only when the screen changed.
public enum TerminalApp {
    /// Runs until the operator quits, a signal arrives or the terminal goes away; returns the
    /// process exit status (128 + the signal for a signal, 129 like SIGHUP for a vanished terminal).
    ///
    /// Leaving is bounded: the `ExitWatchdog` is armed before anything that could block (the
    /// signal handler arms it at once), so whatever is still in flight the process ends within
    /// about a second, the terminal given back either way.
    @MainActor
    public static func run(
        initialState: AppState, client: CloudClient, journal: JobJournal?, options: TerminalOptions = TerminalOptions()
    ) throws -> Int32 {
        let wake = try WakePipe()
        ExitWatchdog.start()
        TerminalSignals.install(wake: wake)
        TerminalSignals.installCrashRestore()
        defer { TerminalSignals.uninstall() }

        let terminal = CursesTerminal(options: options)
        defer { terminal.restore() }
        TerminalSignals.forwardResizes()
        let inbox = EventInbox(wake: wake)
        let runner = EffectRunner(client: client, journal: journal, scope: initialState.journalScope, send: inbox.post)

        var state = initialState
        state.glyphs = terminal.boxGlyphs
        let size = terminal.size
        state.size = TerminalSize(width: size.width, height: size.height)
        startup(&state).forEach(runner.run)

        var shown: Screen?
        var bellsRung = state.bells
        var exitStatus: Int32 = 0
        while true {
            let screen = render(state)
            if screen != shown {
                terminal.present(screen)
                shown = screen
            }
            if state.bells != bellsRung {
                terminal.bell()
                bellsRung = state.bells
            }
            let readiness = InputWaiter.wait(wake: wake, timeoutMilliseconds: nil)
            if let signal = TerminalSignals.takePending() {
                exitStatus = 128 + signal
                break
            }
            if readiness.inputClosed {
                exitStatus = 128 + SIGHUP
                break
            }
            for key in terminal.readAvailableKeys() {
                let event: AppEvent
                if key == .resize {
                    let size = terminal.size
                    event = .resized(TerminalSize(width: size.width, height: size.height))
                } else {
                    event = .key(key)
                }
                reduce(&state, event).forEach(runner.run)
            }
            for event in inbox.takeAll() {
                reduce(&state, event).forEach(runner.run)
            }
            if state.quitRequested { break }
        }
        state.form?.wipe()
        // Armed first, then the terminal given back before waiting for the journal's queued writes
        // (bounded, within the watchdog's grace) and cancelling: a wait or a cancel that blocks
        // then costs the grace period, never the operator's terminal.
        ExitWatchdog.arm(status: exitStatus)
        terminal.restore()
        // After the restore, so it stays on the terminal (also on a signal: where the terminal
        // is gone the write fails and is dropped; the watchdog bounds a write that blocks).
        ExitNotice.show(ExitSummary.lines(state.jobs, submissions: Array(state.submissions.values), mode: state.mode))
        runner.shutDown()
        return exitStatus
    }
}
