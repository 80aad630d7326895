import Foundation
import Reinstall

/// Writes journal entries off the main thread, one at a time and in the order they were asked
/// for: `enqueue` is synchronous, so two writes about one job issued one after the other (even by
/// effects that then run concurrently) land in that order, and a job's finished state is never
/// overwritten by an older one.
final class JournalWriter: Sendable {
    private struct Write: Sendable {
        var entry: JournalEntry
        var isNew: Bool
        /// Told the outcome once the entry is written (or failed).
        var done: @Sendable (String?) -> Void
    }

    private let queue: AsyncStream<Write>.Continuation
    private let consumer: Task<Void, Never>

    init(journal: JobJournal?) {
        let (stream, continuation) = AsyncStream<Write>.makeStream()
        queue = continuation
        consumer = Task.detached {
            for await write in stream {
                write.done(Self.write(write.entry, isNew: write.isNew, to: journal))
            }
        }
    }

    deinit {
        queue.finish()
    }

    /// Queues the entry; `done` hears a message for the operator when the write failed or a
    /// damaged journal file had to be moved aside first.
    func enqueue(_ entry: JournalEntry, isNew: Bool, done: @escaping @Sendable (String?) -> Void = { _ in }) {
        queue.yield(Write(entry: entry, isNew: isNew, done: done))
    }

    /// Queues the entry and waits until it is written. `isNew`: the job's first entry (its
    /// submission) rather than an update of its state.
    func record(_ entry: JournalEntry, isNew: Bool) async -> String? {
        await withCheckedContinuation { continuation in
            enqueue(entry, isNew: isNew) { continuation.resume(returning: $0) }
        }
    }

    private static func write(_ entry: JournalEntry, isNew: Bool, to journal: JobJournal?) -> String? {
        guard let journal else { return nil }
        do {
            return try journal.record(entry)?.message
        } catch {
            return isNew
                ? JournalMessages.notJournaled(jobId: entry.jobId, serverName: entry.serverName, error)
                : JournalMessages.notUpdated(jobId: entry.jobId, error)
        }
    }
}
