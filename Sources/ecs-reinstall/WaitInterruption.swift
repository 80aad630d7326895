import App
import Foundation
import Reinstall
import Synchronization
import TerminalKit

/// `Ctrl-C` (or SIGTERM, SIGHUP, SIGQUIT) while `reinstall` or `job --wait` runs. Without this the
/// process would die where it stands: mid-POST, with nobody told whether the reinstall started,
/// or mid-wait, with nobody told that the job goes on in the cloud. What a signal does depends on
/// the step the command is at:
///
/// - before anything is sent: the command ends (128 + the signal), nothing sent;
/// - while the reinstall POST is on its way: it is not cut off (its outcome would be unclear);
///   the command says so and ends as soon as the cloud has answered; a second signal leaves at
///   once, saying the outcome is unclear and how to check (exit 5);
/// - once the cloud answered: the command ends, or, when a signal came during the POST, it says
///   the job goes on in the cloud and how to follow it rather than wait for it (128 + the signal);
/// - while waiting for the job: the wait is cancelled, and the command says the job is still
///   running in the cloud and how to follow it (128 + the signal: 130 for Ctrl-C).
final class WaitInterruption: Sendable {
    enum Step: Sendable {
        case preparing
        /// A signal came while preparing: the process is on its way out, nothing may be sent.
        case leaving
        case posting(serverName: String)
        /// The cloud answered the POST; what is left is saying so.
        case answered
        case waiting(cancel: @Sendable () -> Void)
    }

    private struct Status: Sendable {
        var step: Step = .preparing
        var signal: Int32?
        var count = 0
    }

    /// What the command does: a reinstall sends one; `job` only reads.
    enum Purpose: Sendable {
        case reinstall
        case followJob(id: String)
    }

    private let status = Mutex(Status())
    let purpose: Purpose
    /// The flags that chose the cloud, carried by the commands printed to run later.
    let scope: CommandScope

    private init(purpose: Purpose, scope: CommandScope) {
        self.purpose = purpose
        self.scope = scope
    }

    /// Catches the signals from now on, for the rest of the process.
    static func install(_ purpose: Purpose, scope: CommandScope) throws -> WaitInterruption {
        let interruption = WaitInterruption(purpose: purpose, scope: scope)
        let wake = try WakePipe()
        TerminalSignals.install(wake: wake)
        let watcher = Thread {
            var descriptor = pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0)
            while true {
                guard poll(&descriptor, 1, -1) >= 0 || errno == EINTR else { return }
                wake.drain()
                while let signal = TerminalSignals.takePending() { interruption.received(signal) }
            }
        }
        watcher.start()
        return interruption
    }

    /// The signal that interrupted the command, if one did.
    var signal: Int32? { status.withLock { $0.signal } }

    /// The submission of `serverName`'s reinstall, as its steps (`SubmissionSteps`).
    func submission(serverName: String) -> Submission { Submission(interruption: self, serverName: serverName) }

    struct Submission: SubmissionSteps {
        let interruption: WaitInterruption
        let serverName: String

        /// The POST is about to be sent, unless a signal came first (decided under the lock, so
        /// the watcher and the sender agree on which came first).
        func sending() -> Bool {
            interruption.status.withLock { status in
                guard status.signal == nil, case .preparing = status.step else { return false }
                status.step = .posting(serverName: serverName)
                return true
            }
        }

        /// The cloud has answered the POST (whatever it said): from now on a signal cannot
        /// lose the journal entry, the command says what it knows once it is written.
        func answered() {
            interruption.status.withLock { $0.step = .answered }
        }
    }

    /// Waiting for the job; `cancel` stops the wait. False when a signal came while the POST was
    /// on its way: then the command does not start waiting.
    func waiting(cancel: @escaping @Sendable () -> Void) -> Bool {
        status.withLock { status in
            status.step = .waiting(cancel: cancel)
            return status.signal == nil
        }
    }

    private func received(_ signal: Int32) {
        let (step, first) = status.withLock { status in
            if status.signal == nil { status.signal = signal }
            status.count += 1
            let step = status.step
            if case .preparing = step { status.step = .leaving }
            return (step, status.count == 1)
        }
        switch step {
        case .preparing, .leaving:
            switch purpose {
            case .reinstall:
                Console.error("Interrupted: nothing was sent.")
            case let .followJob(id):
                // `job` sends nothing: what matters is that the job goes on.
                Console.error(Self.stillRunning(jobId: id, serverName: nil, scope: scope))
            }
            ExitCleanup.run()
            exit(128 + signal)
        case let .posting(name):
            guard first else {
                Console.error(Self.leftUnclear(serverName: name, scope: scope))
                ExitCleanup.run()
                exit(ScriptExit.uncertain)
            }
            Console.error("The reinstall of \(name.shown) is on its way to the cloud; leaving now would leave its "
                + "outcome unclear. Waiting for the cloud's answer (press Ctrl-C again to leave anyway).")
        case .answered:
            // Kept: the command reads it before waiting, and says instead that the job goes on.
            break
        case let .waiting(cancel):
            cancel()
        }
    }

    /// What to tell when leaving before the cloud answered the POST.
    static func leftUnclear(serverName: String, scope: CommandScope) -> String {
        "Left before the cloud answered: the outcome is unclear, the reinstall of \(serverName.shown) may have started. "
            + "Check the server before sending it again: \(ExitSummary.checkCommand(serverName: serverName, scope: scope))."
    }

    /// What to tell when the wait ends early: the job goes on without us.
    static func stillRunning(jobId: String, serverName: String?, scope: CommandScope) -> String {
        let server = serverName.map { " (\($0.shown))" } ?? ""
        return "Job \(jobId.shown)\(server) is still running in the cloud; leaving does not stop it.\n"
            + "Follow it with: \(ExitSummary.followCommand(jobId: jobId, scope: scope))"
    }
}

extension JobWaiter {
    /// Follows like `follow(_:)`, except that a signal (see `WaitInterruption`) cancels the wait:
    /// nil then, the job left running in the cloud.
    func follow(_ start: JobFollower, interruption: WaitInterruption?) async throws -> JobFollower? {
        let waiter = self
        let following = Task { try await waiter.follow(start) }
        if let interruption, !interruption.waiting(cancel: { following.cancel() }) { following.cancel() }
        do {
            return try await following.value
        } catch is CancellationError where interruption?.signal != nil {
            return nil
        }
    }
}
