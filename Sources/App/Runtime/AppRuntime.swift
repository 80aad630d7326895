import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The app without its loop: the state, the effect runner and the inbox their events arrive in,
/// drawn on a `TerminalBackend`. `TerminalApp` drives it from the real terminal; a test drives
/// it in process, key by key, and waits with `untilIdle` instead of sleeping.
@MainActor
package final class AppRuntime {
    package private(set) var state: AppState
    package let terminal: any TerminalBackend
    package let runner: EffectRunner
    private let inbox: EventInbox
    /// Rung by every event posted and every effect that finished: what the waits below wake on.
    /// It keeps one ring at most, so a ring between a check and the wait is not lost.
    private var doorbell: AsyncStream<Void>.Iterator
    private var shown: Screen?
    private var bellsRung: Int

    /// - Parameters:
    ///   - wake: woken with every event, for a loop asleep in `poll()` (nil in process).
    ///   - scopeMemory: where a switch of region or project is kept for the next start (nil: nowhere).
    ///   - readiness: what the login checks after a reinstall work with (the probe's clock, known_hosts).
    package init(state: AppState, terminal: any TerminalBackend, client: CloudClient, journal: JobJournal?,
                pollSchedule: PollSchedule = PollSchedule(), scopeMemory: ScopeMemory? = nil,
                readiness: ReadinessTools = ReadinessTools(), wake: WakePipe? = nil) {
        let (rings, ring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let inbox = EventInbox {
            wake?.wake()
            ring.yield()
        }
        self.inbox = inbox
        runner = EffectRunner(client: client, journal: journal, scope: state.journalScope, pollSchedule: pollSchedule,
                              scopeMemory: scopeMemory, readiness: readiness, settled: { ring.yield() }, send: inbox.post)
        self.state = state
        self.terminal = terminal
        bellsRung = state.bells
        doorbell = rings.makeAsyncIterator()
    }

    /// The first frame: the terminal's size and glyphs, then what a start asks for (the list,
    /// the key pairs, the jobs the journal left unfinished).
    package func start() {
        state.glyphs = terminal.boxGlyphs
        state.size = terminalSize
        startup(&state).forEach(runner.run)
        present()
    }

    /// One key, reduced; `Key.resize` becomes the terminal's new size. Drawn by the next `drain`.
    package func send(_ key: Key) {
        reduce(&state, key == .resize ? .resized(terminalSize) : .key(key)).forEach(runner.run)
    }

    /// An event of the driver's own (a signal held while a reinstall is sent). Drawn by the next `drain`.
    package func send(_ event: AppEvent) {
        reduce(&state, event).forEach(runner.run)
    }

    /// Reduces every event background work has left, then draws the frame if it changed and
    /// rings the bell if the state asked for it.
    package func drain() {
        for event in inbox.takeAll() {
            reduce(&state, event).forEach(runner.run)
        }
        present()
    }

    /// Whether nothing that matters is in flight and every event is reduced (timers and watches,
    /// such as the job poller and the clock, do not count).
    package var isIdle: Bool {
        // Busy first: an effect sends its event before it stops counting, so none is missed.
        runner.busyEffects == 0 && inbox.isEmpty
    }

    /// Reduces events as they come until the app is idle: every load, submission and journal
    /// write asked for so far (and those they asked for in turn) has answered and been drawn.
    package func untilIdle() async {
        await until { _ in self.isIdle }
    }

    /// Reduces events as they come until `condition` holds (for background news, such as a job's
    /// progress). Returns early only when the waiting task is cancelled.
    package func until(_ condition: (AppRuntime) -> Bool) async {
        while true {
            drain()
            if condition(self) || Task.isCancelled { return }
            var rings = doorbell
            _ = await rings.next(isolation: MainActor.shared)
            doorbell = rings
        }
    }

    /// The first step of leaving: the form's secrets wiped. Returns what to print once the
    /// terminal is given back (the jobs still running, the unclear submissions).
    package func leave() -> [String] {
        state.form?.wipe()
        return ExitSummary.lines(leaving: state)
    }

    private var terminalSize: TerminalSize {
        let size = terminal.size
        return TerminalSize(width: size.width, height: size.height)
    }

    private func present() {
        let screen = render(state)
        if screen != shown {
            terminal.present(screen)
            shown = screen
        }
        if state.bells != bellsRung {
            terminal.bell()
            bellsRung = state.bells
        }
    }
}
