import Foundation
import HuaweiCloud
import Reinstall

/// One scheduler for every followed job, off the UI's isolation domain: a thin driver of one
/// `JobFollower` per job. It sleeps until the earliest read is due, performs the due ones (a few
/// at a time), hands each answer to its follower and sends what changed back as an event.
/// It never touches the state, nor the journal: `reduce` writes what the follower says to.
package actor JobPoller<C: Clock> where C.Duration == Duration {
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

    package init(
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
    package func watch(_ entry: JournalEntry) {
        let follower = JobFollower(resuming: entry, schedule: schedule, now: now())
        entries[entry.jobId] = Entry(follower: follower, due: clock.now)
        wakeUp()
    }

    package var watchedJobIds: [String] { entries.keys.sorted() }

    /// Stops polling; requests in flight are cancelled.
    package func stop() {
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
                    group.addTask { [source] in (jobId, await JobFollower.Answer.read(read, from: source)) }
                }
                for await (jobId, answer) in group {
                    if let answer { apply(answer, to: jobId) }
                }
            }
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
