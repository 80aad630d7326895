import Foundation
import HuaweiCloud
import Reinstall
import Synchronization

/// Performs effects as Tasks keyed by what they concern; a newer effect with the same key
/// cancels the older one. Results come back as events through `send`.
public final class EffectRunner: Sendable {
    private let client: CloudClient
    private let send: @Sendable (AppEvent) -> Void
    private let now: @Sendable () -> Date
    private let journal: JournalWriter
    private let poller: JobPoller<ContinuousClock>
    /// The one submission step the commands use too (re-read, send once, journal, judge).
    private let submission: ReinstallSubmission
    /// The running task of each key, numbered so a finished task removes only its own entry.
    private let tasks = Mutex<(next: Int, byKey: [String: (number: Int, task: Task<Void, Never>)])>((0, [:]))

    /// - Parameters:
    ///   - journal: where submitted jobs are recorded before they are shown (nil: nowhere).
    ///   - scope: the journal's name for this account.
    public init(client: CloudClient, journal: JobJournal?, scope: String,
                now: @escaping @Sendable () -> Date = { Date() },
                send: @escaping @Sendable (AppEvent) -> Void) {
        self.client = client
        self.now = now
        self.send = send
        let writer = JournalWriter(journal: journal)
        self.journal = writer
        poller = JobPoller(source: client, clock: ContinuousClock(), now: now, send: send)
        submission = ReinstallSubmission(cloud: client, journal: writer, scope: scope, now: now)
    }

    public func run(_ effect: Effect) {
        if case let .recordJob(entry) = effect {
            // Queued here, synchronously, so journal writes land in the order reduce asked for them.
            journal.enqueue(entry, isNew: false) { [send] write in
                if let problem = write.notice { send(.journalFailed(problem)) }
            }
            return
        }
        let key = effect.key
        let replaced = tasks.withLock { tasks in
            tasks.next += 1
            let number = tasks.next
            let task = Task { [self] in
                if let event = await perform(effect), !Task.isCancelled {
                    send(event)
                }
                self.tasks.withLock { tasks in
                    if tasks.byKey[key]?.number == number { tasks.byKey[key] = nil }
                }
            }
            return tasks.byKey.updateValue((number, task), forKey: key)?.task
        }
        if case .submitReinstall = effect {
            return  // never cancel a reinstall that may be in flight
        }
        replaced?.cancel()
    }

    /// How long leaving the UI waits for queued journal writes: half of the exit watchdog's grace,
    /// leaving the rest for cancelling the effects and stopping the demo's simulator.
    public static let journalDrainLimit: Duration = .milliseconds(500)

    /// The orderly end: waits (at most `journalLimit`) for the journal writes already queued, so a
    /// job's finished state is not lost, then cancels everything. True when the writes all landed.
    @discardableResult
    public func shutDown(journalLimit: Duration = EffectRunner.journalDrainLimit) -> Bool {
        let drained = journal.waitUntilWritten(within: journalLimit)
        cancelAll()
        return drained
    }

    public func cancelAll() {
        let all = tasks.withLock { tasks in
            defer { tasks.byKey.removeAll() }
            return tasks.byKey.values.map(\.task)
        }
        all.forEach { $0.cancel() }
        Task { [poller] in await poller.stop() }
    }

    /// Runs one effect; nil when it was cancelled and has nothing to say.
    private func perform(_ effect: Effect) async -> AppEvent? {
        do {
            switch effect {
            case let .listServers(generation, fromPage):
                // Each page is shown as it arrives; later pages load meanwhile, several at a time.
                for try await page in client.allServers(pageSize: serverPageSize, fromPage: fromPage) {
                    guard !Task.isCancelled else { return nil }
                    send(.serverPage(generation: generation, page))
                }
                return .serverListingFinished(generation: generation, at: now())
            case let .checkServer(id):
                do {
                    return .serverChecked(id: id, .found(try await client.showServer(id: id)))
                } catch is CancellationError {
                    return nil
                } catch {
                    return .serverChecked(id: id, ServerCheck.from(error))
                }
            case let .scheduleListRefresh(delay):
                try await Task.sleep(for: delay)
                return .listRefreshDue
            case let .scheduleListRetry(delay):
                try await Task.sleep(for: delay)
                return .listRetryDue
            case let .loadImage(id):
                return .imageLoaded(id: id, try await client.image(id: id))
            case .loadKeypairs:
                return .keypairsLoaded(try await client.keypairs())
            case .loadUserId:
                return .userIdLoaded(try await client.userIdIfKnown())
            case let .submitReinstall(plan):
                // The submission's own copy of the password, zeroed once the POST is over.
                defer { plan.request.adminPass?.wipe() }
                let result = await submission.submit(plan)
                return Self.event(for: result, plan: plan, at: now(), send: send)
            case let .watchSubmittedServer(id, delay):
                try await Task.sleep(for: delay)
                do {
                    return .submittedServerRead(id: id, .found(try await client.showServer(id: id)), at: now())
                } catch is CancellationError {
                    return nil
                } catch {
                    return .submittedServerRead(id: id, ServerCheck.from(error), at: now())
                }
            case let .watchJob(entry):
                await poller.watch(entry)
                return nil
            case .recordJob:
                return nil  // queued by `run`
            case let .scheduleTick(delay):
                try await Task.sleep(for: delay)
                return .tick(now())
            case let .readUserData(path):
                return .userDataRead(path: path, UserDataFileReader.read(path))
            case let .completeUserDataPath(typed):
                return .userDataCompletions(
                    typed: typed,
                    PathCompleter.candidates(for: typed, home: UserDataPath.home, list: PathCompleter.listFolder))
            }
        } catch is CancellationError {
            return nil
        } catch {
            // Typed, so `reduce` can tell a refused signature from a timeout; anything else keeps its own words.
            return failure(effect, error: (error as? CloudError) ?? .configuration(String(describing: error)))
        }
    }

    /// The submission's result as the event `reduce` expects; the journal's notice (already
    /// written: the job was journaled before this) goes first.
    static func event(for result: SubmissionResult, plan: ReinstallPlan, at: Date,
                      send: @Sendable (AppEvent) -> Void) -> AppEvent {
        switch result {
        case let .accepted(entry, journal):
            if let notice = journal.notice { send(.journalFailed(notice)) }
            return .reinstallAccepted(jobId: entry.jobId, serverId: entry.serverId, serverName: entry.serverName,
                                      api: entry.api, at: entry.submittedAt, requestId: entry.requestId)
        case let .judged(outcome) where result.isUnclear:
            if case .startedWithoutJobId = outcome {
                return .reinstallUnclear(serverId: plan.serverId, advice: outcome.message, started: true, at: at)
            }
            return .reinstallUnclear(serverId: plan.serverId, advice: outcome.message, started: false, at: at)
        case .judged, .refused:
            return .reinstallFailed(serverId: plan.serverId, result.message)
        }
    }

    private func failure(_ effect: Effect, error: CloudError) -> AppEvent {
        let message = error.message
        switch effect {
        case let .listServers(generation, _): return .serverListingFailed(generation: generation, error)
        case let .checkServer(id): return .serverChecked(id: id, .unknown)
        case .scheduleListRefresh: return .listRefreshDue
        case .scheduleListRetry: return .listRetryDue
        case let .loadImage(id): return .imageFailed(id: id, error)
        case .loadKeypairs: return .keypairsFailed(error)
        case .loadUserId: return .userIdFailed(error)
        case let .submitReinstall(plan): return .reinstallFailed(serverId: plan.serverId, message)
        case let .watchSubmittedServer(id, _): return .submittedServerRead(id: id, .unknown, at: now())
        case .watchJob: return .journalFailed(message)  // never: watching cannot fail
        case .recordJob: return .journalFailed(message)
        case .scheduleTick: return .tick(now())
        case let .readUserData(path): return .userDataRead(path: path, .failure(UserDataReadError(message)))
        case let .completeUserDataPath(typed): return .userDataCompletions(typed: typed, [])
        }
    }
}
