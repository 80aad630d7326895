import Foundation
import HuaweiCloud
import Reinstall

/// Where the poller reads jobs and servers; the cloud client, or a script in tests. A read may
/// throw `PacedReadFailure` to pass on the answer's `Retry-After`.
public protocol JobSource: Sendable {
    func readJob(id: String) async throws -> Job
    func readServer(id: String) async throws -> Server
}

extension CloudClient: JobSource {}

/// One scheduler for every followed job, off the UI's isolation domain: a thin driver of one
/// `JobFollower` per job. It sleeps until the earliest read is due, performs the due ones (a few
/// at a time), hands each answer to its follower and sends what changed back as an event.
/// It never touches the state, nor the journal: `reduce` writes what the follower says to.
public actor JobPoller<C: Clock> where C.Duration == Duration {
    private struct Entry {
        var follower: JobFollower
        var due: C.Instant
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

    /// Follows a journaled job (again), from where its entry says it is; the first read is due at once.
    public func watch(_ entry: JournalEntry) {
        let follower = JobFollower(resuming: entry, schedule: schedule, now: now())
        entries[entry.jobId] = Entry(follower: follower, due: clock.now)
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
            await withTaskGroup(of: (String, JobFollower.Answer?).self) { group in
                for entry in due {
                    guard let read = entry.follower.next?.read else { continue }
                    let jobId = entry.follower.jobId
                    group.addTask { [source] in (jobId, await Self.perform(read, source)) }
                }
                for await (jobId, answer) in group {
                    if let answer { apply(answer, to: jobId) }
                }
            }
        }
    }

    /// The answer to a read; nil only when the poller itself is stopping. A `CancellationError`
    /// while it runs (the transport reports a request it cancelled that way) is a failed read,
    /// backed off like any other: answering nil would leave the read due in the past, so it would
    /// be sent again at once, over and over.
    private static func perform(_ read: JobFollower.Read, _ source: any JobSource) async -> JobFollower.Answer? {
        do {
            switch read {
            case let .job(id): return JobFollower.Answer.job(try await source.readJob(id: id))
            case let .server(id): return JobFollower.Answer.server(try await source.readServer(id: id))
            }
        } catch is CancellationError where Task.isCancelled {
            return nil
        } catch {
            return JobFollower.Answer.failure(error)
        }
    }

    private func apply(_ answer: JobFollower.Answer, to jobId: String) {
        guard var entry = entries[jobId] else { return }  // unwatched meanwhile
        let step = entry.follower.receive(answer, now: now(), random: random())
        send(.jobFollowed(JobFollowed(follower: entry.follower, step: step)))
        guard let next = step.next else {
            entries[jobId] = nil
            return
        }
        entry.due = clock.now.advanced(by: next.after)
        entries[jobId] = entry
    }
}
