import Foundation
import Reinstall

/// Writes journal entries off the main thread, one at a time and in the order they were asked
/// for: `enqueue` is synchronous, so two writes about one job issued one after the other (even by
/// effects that then run concurrently) land in that order, and a job's finished state is never
/// overwritten by an older one. The submission's first entry goes through the same queue.
final class JournalWriter: Sendable {
    private struct Write: Sendable {
        var entry: JournalEntry
        var isNew: Bool
        /// Told the outcome once the entry is written (or failed).
        var done: @Sendable (JournalWrite) -> Void
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

    /// Queues the entry; `done` hears how the write went (a failure, or a damaged journal file
    /// moved aside first, carries a message for the operator).
    func enqueue(_ entry: JournalEntry, isNew: Bool, done: @escaping @Sendable (JournalWrite) -> Void = { _ in }) {
        queue.yield(Write(entry: entry, isNew: isNew, done: done))
    }

    /// Queues the entry and waits until it is written. `isNew`: the job's first entry (its
    /// submission) rather than an update of its state.
    func record(_ entry: JournalEntry, isNew: Bool) async -> JournalWrite {
        await withCheckedContinuation { continuation in
            enqueue(entry, isNew: isNew) { continuation.resume(returning: $0) }
        }
    }

    private static func write(_ entry: JournalEntry, isNew: Bool, to journal: JobJournal?) -> JournalWrite {
        guard let journal else { return .written }
        do {
            if let movedAside = try journal.record(entry) { return .writtenWithNotice(movedAside.message) }
            return .written
        } catch {
            return .failed(isNew
                ? JournalMessages.notJournaled(jobId: entry.jobId, serverName: entry.serverName, error)
                : JournalMessages.notUpdated(jobId: entry.jobId, error))
        }
    }
}

extension JournalWriter: SubmissionJournal {
    /// The submission's first entry, written in turn with every other write.
    func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite {
        await record(entry, isNew: true)
    }
}
