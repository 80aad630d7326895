import Foundation
import HuaweiCloud
import Reinstall

/// Where the poller reads jobs and servers; the cloud client, or a script in tests.
public protocol JobSource: Sendable {
    func job(id: String) async throws -> Job
    func showServer(id: String) async throws -> Server
}

extension CloudClient: JobSource {}

/// One scheduler for every followed job, off the UI's isolation domain. It sleeps until the
/// earliest job is due, polls the due ones (a few at a time), and reschedules each by
/// `PollSchedule`. Results go back as events; it never touches the state.
public actor JobPoller<C: Clock> where C.Duration == Duration {
    private struct Entry {
        var watch: JobWatch
        var due: C.Instant
        var failures = 0
    }

    private let source: any JobSource
    private let clock: C
    private let schedule: PollSchedule
    private let maxConcurrent: Int
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double
    private let send: @Sendable (AppEvent) -> Void
    private var entries: [String: Entry] = [:]
    private var loop: Task<Void, Never>?
    private var sleeper: Task<Void, any Error>?

    public init(
        source: any JobSource, clock: C, schedule: PollSchedule = PollSchedule(), maxConcurrent: Int = 3,
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        send: @escaping @Sendable (AppEvent) -> Void
    ) {
        self.source = source
        self.clock = clock
        self.schedule = schedule
        self.maxConcurrent = max(1, maxConcurrent)
        self.now = now
        self.random = random
        self.send = send
    }

    /// Follows a job (again); the first poll is due at once.
    public func watch(_ watch: JobWatch) {
        entries[watch.jobId] = Entry(watch: watch, due: clock.now)
        wakeUp()
    }

    public var watchedJobIds: [String] { entries.keys.sorted() }

    /// Stops polling; requests in flight are cancelled.
    public func stop() {
        entries.removeAll()
        loop?.cancel()
        sleeper?.cancel()
        loop = nil
    }

    private func wakeUp() {
        if let loop, !loop.isCancelled {
            sleeper?.cancel()  // re-evaluate the earliest due time
        } else {
            loop = Task { await self.run() }
        }
    }

    private func run() async {
        while !Task.isCancelled {
            guard let next = entries.values.map(\.due).min() else {
                loop = nil
                return
            }
            let nap = Task { [clock] in try await clock.sleep(until: next, tolerance: nil) }
            sleeper = nap
            _ = try? await nap.value
            if Task.isCancelled { return }
            let current = clock.now
            let due = entries.values.filter { $0.due <= current }.sorted { $0.due < $1.due }.prefix(maxConcurrent)
            await withTaskGroup(of: (String, Outcome).self) { group in
                for entry in due {
                    group.addTask { [source] in (entry.watch.jobId, await Self.poll(entry.watch, source)) }
                }
                for await (jobId, outcome) in group {
                    apply(outcome, to: jobId)
                }
            }
        }
    }

    private enum Outcome: Sendable {
        case job(Job)
        case server(Server)
        case failed(CloudError)
        case cancelled
    }

    private static func poll(_ watch: JobWatch, _ source: any JobSource) async -> Outcome {
        do {
            switch watch.phase {
            case .job: return .job(try await source.job(id: watch.jobId))
            case .server: return .server(try await source.showServer(id: watch.serverId))
            }
        } catch let error as CloudError {
            return .failed(error)
        } catch is CancellationError {
            return .cancelled
        } catch {
            return .failed(.transport("\(error)"))
        }
    }

    private func apply(_ outcome: Outcome, to jobId: String) {
        guard var entry = entries[jobId] else { return }  // unwatched meanwhile
        let age = now().timeIntervalSince(entry.watch.submittedAt)
        switch outcome {
        case .cancelled:
            return
        case let .job(job):
            send(.jobUpdated(job))
            entry.failures = 0
            switch job.status {
            case .fail:
                entries[jobId] = nil
                return
            case .success:
                entry.watch.phase = .server
            default:
                break
            }
            entry.due = clock.now.advanced(by: schedule.interval(age: age, random: random()))
        case let .server(server):
            send(.jobServerUpdated(jobId: jobId, server))
            entry.failures = 0
            if server.hasSettledAfterReinstall {
                entries[jobId] = nil
                return
            }
            entry.due = clock.now.advanced(by: schedule.interval(age: age, random: random()))
        case let .failed(error):
            if entry.watch.phase == .job && PollSchedule.isLost(error) {
                send(.jobLost(jobId: jobId, "the cloud does not know this job id (\(error.code ?? "no code")); "
                    + "check the server's status in the list"))
                entries[jobId] = nil
                return
            }
            entry.failures += 1
            send(.jobPollFailed(jobId: jobId, error.message, at: now()))
            entry.due = clock.now.advanced(by: schedule.backoff(
                failures: entry.failures, throttled: PollSchedule.isThrottling(error), retryAfter: nil,
                random: random()))
        }
        entries[jobId] = entry
    }
}
