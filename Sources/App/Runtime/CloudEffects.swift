import Foundation
import HuaweiCloud
import Reinstall

/// What each effect does against the cloud, the journal, the job poller and the clock. The
/// `EffectRunner` decides when it runs, what it replaces and how a failure is told; this says
/// only what the work is.
struct CloudEffects: Sendable {
    let client: CloudClient
    let send: @Sendable (AppEvent) -> Void
    let now: @Sendable () -> Date
    let poller: JobPoller<ContinuousClock>
    /// The one submission step the commands use too (re-read, send once, journal, judge).
    let submission: ReinstallSubmission
    /// Where the last scope is kept for the next start; nil: nowhere.
    let memory: ScopeMemoryWriter?
    let login: LoginEffects

    init(client: CloudClient, journal: JournalWriter, scope: String, pollSchedule: PollSchedule,
         memory: ScopeMemoryWriter? = nil, readiness: ReadinessTools = ReadinessTools(),
         now: @escaping @Sendable () -> Date, send: @escaping @Sendable (AppEvent) -> Void) {
        self.client = client
        self.memory = memory
        login = LoginEffects(tools: readiness, send: send)
        self.send = send
        self.now = now
        poller = JobPoller(source: client, clock: ContinuousClock(), schedule: pollSchedule, now: now, send: send)
        submission = ReinstallSubmission(cloud: client, journal: journal, scope: scope, now: now)
    }

    /// Runs one effect; nil when it has nothing to say. A thrown error is the runner's to word.
    func perform(_ effect: Effect) async throws -> AppEvent? {
        switch effect {
        case let .listServers(generation, fromPage):
            // Each page is shown as it arrives; later pages load meanwhile, several at a time.
            for try await page in client.allServers(pageSize: serverPageSize, fromPage: fromPage) {
                guard !Task.isCancelled else { return nil }
                send(.serverPage(generation: generation, page))
            }
            return .serverListingFinished(generation: generation, at: now())
        case let .checkServer(id):
            return await check(id).map { .serverChecked(id: id, $0) }
        case let .scheduleListRefresh(delay):
            try await Task.sleep(for: delay)
            return .listRefreshDue
        case let .scheduleListRetry(delay):
            try await Task.sleep(for: delay)
            return .listRetryDue
        case let .loadImage(id, scope):
            return .imageLoaded(id: id, try await client.image(id: id), scope: scope)
        case let .loadKeypairs(scope):
            return .keypairsLoaded(try await client.keypairs(), scope: scope)
        case .loadUserId:
            return .userIdLoaded(try await client.userIdIfKnown())
        case let .submitReinstall(plan):
            // The submission's own copy of the password, zeroed once the POST is over.
            defer { plan.request.adminPass?.wipe() }
            let result = await submission.submit(plan)
            return EffectRunner.event(for: result, plan: plan, at: now(), send: send)
        case let .watchSubmittedServer(id, delay):
            try await Task.sleep(for: delay)
            return await check(id).map { .submittedServerRead(id: id, $0, at: now()) }
        case let .watchJob(entry):
            await poller.watch(entry)
            return nil
        case .recordJob:
            return nil  // queued by the runner, in order
        case let .scheduleTick(delay):
            try await Task.sleep(for: delay)
            return .tick(now())
        case let .readUserData(path):
            return .userDataRead(path: path, UserDataFileReader.read(path))
        case let .completeUserDataPath(typed):
            return .userDataCompletions(
                typed: typed,
                PathCompleter.candidates(for: typed, home: UserDataPath.home, list: PathCompleter.listFolder))
        case .loadScopes:
            return .scopesLoaded(try await client.reachableScopes())
        case .useScope:
            return nil  // taken by the runner, in order (`ScopedClouds`)
        case .rememberScope:
            do {
                try memory?.writeLatest()
                return nil
            } catch {
                return .scopeNotRemembered("The region and project could not be remembered for the next start: \(error)")
            }
        case let .probeLogin(jobId, check, target, settings):
            return try await login.probe(jobId: jobId, check: check, target: target, settings: settings)
        case .stopLoginProbe:
            return nil  // replacing the probe's effect (same key) was the work
        case let .readKnownHosts(jobId, target, file):
            return login.readKnownHosts(jobId: jobId, target: target, file: file)
        case let .removeHostKeys(jobId, findings):
            return await login.removeHostKeys(jobId: jobId, findings: findings)
        }
    }

    /// Stops following jobs; reads in flight are cancelled.
    func stopBackground() async {
        await poller.stop()
    }

    /// A server read again: found, or what its failure says; nil when cancelled.
    private func check(_ id: String) async -> ServerCheck? {
        do {
            return .found(try await client.showServer(id: id))
        } catch is CancellationError {
            return nil
        } catch {
            return ServerCheck.from(error)
        }
    }
}
