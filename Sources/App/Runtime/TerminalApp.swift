import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The interactive session: a poll()-driven loop on the main thread that owns every curses call.
/// Keys and background events go through `reduce`; a frame is drawn only when the screen changed.
public enum TerminalApp {
    /// Runs until the operator quits or a signal arrives; returns the process exit status.
    @MainActor
    public static func run(
        initialState: AppState, client: CloudClient, journal: JobJournal?, options: TerminalOptions = TerminalOptions()
    ) throws -> Int32 {
        let wake = try WakePipe()
        TerminalSignals.install(wake: wake)
        defer { TerminalSignals.uninstall() }

        let terminal = CursesTerminal(options: options)
        defer { terminal.restore() }
        let inbox = EventInbox(wake: wake)
        let runner = EffectRunner(client: client, journal: journal, scope: initialState.journalScope, send: inbox.post)
        defer { runner.cancelAll() }

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
            _ = InputWaiter.wait(wake: wake, timeoutMilliseconds: nil)
            if let signal = TerminalSignals.takePending() {
                exitStatus = 128 + signal
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
        return exitStatus
    }
}
