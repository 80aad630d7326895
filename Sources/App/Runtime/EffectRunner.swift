import Foundation
import HuaweiCloud
import Reinstall
import Synchronization

/// Performs effects as Tasks keyed by what they concern; a newer effect with the same key
/// cancels the older one (never a submission). Results come back as events through `send`.
/// It counts the effects that matter still in flight (`busyEffects`), so a test can wait until
/// the app has settled.
package final class EffectRunner: Sendable {
    private struct Table {
        var next = 0
        /// The running task of each key, numbered so a finished task removes only its own entry.
        var byKey: [String: (number: Int, task: Task<Void, Never>)] = [:]
        /// Foreground effects not yet finished, plus journal writes not yet written.
        var busy = 0
    }

    private let send: @Sendable (AppEvent) -> Void
    private let now: @Sendable () -> Date
    private let journal: JournalWriter
    private let perform: @Sendable (Effect) async throws -> AppEvent?
    /// Each scope's cloud work; nil for a runner given only `perform` (its own tests).
    private let clouds: ScopedClouds?
    /// Where `.rememberScope` writes; nil: nowhere.
    private let memory: ScopeMemoryWriter?
    private let stopBackground: @Sendable () async -> Void
    /// Told whenever `busyEffects` went down (after the finished effect's event was sent).
    private let settled: @Sendable () -> Void
    private let table = Mutex(Table())

    /// - Parameters:
    ///   - journal: where submitted jobs are recorded before they are shown (nil: nowhere).
    ///   - scope: the journal's name for this account.
    ///   - pollSchedule: how often the jobs followed are read.
    ///   - settled: called each time an effect that matters finished, after its event was sent.
    ///   - scopeMemory: where a switch of scope (`:`) is kept for the next start (nil: nowhere).
    ///   - readiness: what the login checks after a reinstall work with (the probe's clock, known_hosts).
    package convenience init(client: CloudClient, journal: JobJournal?, scope: String,
                            pollSchedule: PollSchedule = PollSchedule(), scopeMemory: ScopeMemory? = nil,
                            readiness: ReadinessTools = ReadinessTools(),
                            now: @escaping @Sendable () -> Date = { Date() },
                            settled: @escaping @Sendable () -> Void = {},
                            send: @escaping @Sendable (AppEvent) -> Void) {
        let writer = JournalWriter(journal: journal)
        let memory = scopeMemory.map(ScopeMemoryWriter.init)
        let clouds = ScopedClouds(client: client, scope: scope) { client, scope in
            CloudEffects(client: client, journal: writer, scope: scope, pollSchedule: pollSchedule,
                         memory: memory, readiness: readiness, now: now, send: send)
        }
        self.init(journal: writer, now: now, clouds: clouds, memory: memory,
                  perform: { effect in try await clouds.cloud(for: effect).perform(effect) },
                  stopBackground: clouds.stopBackground, settled: settled, send: send)
    }

    /// A runner whose work is `perform`: the seam the runner's own tests use.
    init(journal: JournalWriter, now: @escaping @Sendable () -> Date, clouds: ScopedClouds? = nil,
         memory: ScopeMemoryWriter? = nil, perform: @escaping @Sendable (Effect) async throws -> AppEvent?,
         stopBackground: @escaping @Sendable () async -> Void = {},
         settled: @escaping @Sendable () -> Void = {},
         send: @escaping @Sendable (AppEvent) -> Void) {
        self.journal = journal
        self.now = now
        self.clouds = clouds
        self.memory = memory
        self.perform = perform
        self.stopBackground = stopBackground
        self.settled = settled
        self.send = send
    }

    /// Effects that matter still in flight (timers and watches not counted) and journal writes
    /// still queued: zero when the app has nothing left to hear but background news.
    package var busyEffects: Int { table.withLock(\.busy) }

    /// The keys with a task running (finished tasks remove their own entry).
    var runningKeys: Set<String> { table.withLock { Set($0.byKey.keys) } }

    package func run(_ effect: Effect) {
        if case let .recordJob(entry) = effect {
            table.withLock { $0.busy += 1 }
            // Queued here, synchronously, so journal writes land in the order reduce asked for them.
            journal.enqueue(entry, isNew: false) { [self] write in
                if let problem = write.notice { send(.journalFailed(problem)) }
                self.table.withLock { $0.busy -= 1 }
                settled()
            }
            return
        }
        if case let .useScope(scope, journalScope) = effect {
            // At once, in order: every effect asked for after it is done in the new scope.
            clouds?.use(scope, journalScope: journalScope)
            return
        }
        // Noted now, in order: the write (whenever it runs) writes the latest switch.
        if case let .rememberScope(scope) = effect { memory?.note(scope) }
        // The scope's cloud is chosen now, not when the task starts: an effect asked for before a
        // switch stays in its own scope.
        let perform: @Sendable (Effect) async throws -> AppEvent?
        if let clouds {
            do {
                let cloud = try clouds.cloud(for: effect)
                perform = { try await cloud.perform($0) }
            } catch {
                perform = { _ in throw error }
            }
        } else {
            perform = self.perform
        }
        let key = effect.key
        let counted = !effect.isBackground
        let replaced = table.withLock { table in
            table.next += 1
            if counted { table.busy += 1 }
            let number = table.next
            let task = Task { [self] in
                if let event = await outcome(of: effect, perform: perform), !Task.isCancelled {
                    send(event)
                }
                self.table.withLock { table in
                    if table.byKey[key]?.number == number { table.byKey[key] = nil }
                    if counted { table.busy -= 1 }
                }
                if counted { settled() }
            }
            return table.byKey.updateValue((number, task), forKey: key)?.task
        }
        if case .submitReinstall = effect {
            return  // never cancel a reinstall that may be in flight
        }
        replaced?.cancel()
    }

    /// How long leaving the UI waits for queued journal writes: half of the exit watchdog's grace,
    /// leaving the rest for cancelling the effects and stopping the demo's simulator.
    package static let journalDrainLimit: Duration = .milliseconds(500)

    /// The orderly end: waits (at most `journalLimit`) for the journal writes already queued, so a
    /// job's finished state is not lost, then cancels everything. True when the writes all landed.
    @discardableResult
    package func shutDown(journalLimit: Duration = EffectRunner.journalDrainLimit) -> Bool {
        let drained = journal.waitUntilWritten(within: journalLimit)
        cancelAll()
        return drained
    }

    package func cancelAll() {
        let all = table.withLock { table in
            defer { table.byKey.removeAll() }
            return table.byKey.values.map(\.task)
        }
        all.forEach { $0.cancel() }
        Task { [stopBackground] in await stopBackground() }
    }

    /// The effect's event: its own answer, or its failure worded for `reduce`; nil when it was
    /// cancelled and has nothing to say.
    private func outcome(
        of effect: Effect, perform: @Sendable (Effect) async throws -> AppEvent?
    ) async -> AppEvent? {
        do {
            return try await perform(effect)
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
        case let .loadImage(id, scope): return .imageFailed(id: id, error, scope: scope)
        case let .loadKeypairs(scope): return .keypairsFailed(error, scope: scope)
        case .loadUserId: return .userIdFailed(error)
        case let .submitReinstall(plan): return .reinstallFailed(serverId: plan.serverId, message)
        case let .watchSubmittedServer(id, _): return .submittedServerRead(id: id, .unknown, at: now())
        case .watchJob: return .journalFailed(message)  // an entry that names no scope to read it in
        case .recordJob: return .journalFailed(message)
        case .scheduleTick: return .tick(now())
        case let .readUserData(path): return .userDataRead(path: path, .failure(UserDataReadError(message)))
        case let .completeUserDataPath(typed): return .userDataCompletions(typed: typed, [])
        case .loadScopes: return .scopesFailed(error)
        case .useScope: return .journalFailed(message)  // never: taken by the runner
        case .rememberScope: return .scopeNotRemembered(message)
        // A probe's failures are answers; anything else ends the check, said on its own line, not
        // taken for a problem of the journal.
        case let .probeLogin(jobId, check, target, _):
            return .loginReported(jobId: jobId, check: check, LoginReport(
                target: target, readiness: .notProbed(reason: "the check failed: \(message)"), knownHosts: nil, hostKeys: nil,
                loginCommand: LoginCommand(target: target).text))
        case .stopLoginProbe: return .journalFailed(message)  // never: taken by the runner
        case let .readKnownHosts(jobId, target, _): return .knownHostsRead(jobId: jobId, target, .failure(ReadinessFailure(message)))
        case let .removeHostKeys(jobId, _):
            return .hostKeysRemoved(jobId: jobId, KnownHostsRemoval(succeeded: false, message: message))
        }
    }
}
