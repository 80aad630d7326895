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
    /// Entered for each queued write, left once it is written: what `waitUntilWritten` waits on.
    private let unwritten = DispatchGroup()

    init(journal: JobJournal?) {
        let (stream, continuation) = AsyncStream<Write>.makeStream()
        queue = continuation
        consumer = Task.detached { [unwritten] in
            for await write in stream {
                write.done(Self.write(write.entry, isNew: write.isNew, to: journal))
                unwritten.leave()
            }
        }
    }

    deinit {
        queue.finish()
    }

    /// Queues the entry; `done` hears how the write went (a failure, or a damaged journal file
    /// moved aside first, carries a message for the operator).
    func enqueue(_ entry: JournalEntry, isNew: Bool, done: @escaping @Sendable (JournalWrite) -> Void = { _ in }) {
        unwritten.enter()
        queue.yield(Write(entry: entry, isNew: isNew, done: done))
    }

    /// Blocks until every write queued so far is written, or `limit` has passed; true when the
    /// queue drained. For leaving the UI: a job's finished state still queued would otherwise be
    /// lost, and the journal would resume it as unfinished on the next start.
    func waitUntilWritten(within limit: Duration) -> Bool {
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        return unwritten.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success
    }

    /// Queues the entry and waits until it is written. `isNew`: the job's first entry (its
    /// submission) rather than an update of its state.
    func record(_ entry: JournalEntry, isNew: Bool) async -> JournalWrite {
        await withCheckedContinuation { continuation in
            enqueue(entry, isNew: isNew) { continuation.resume(returning: $0) }
        }
    }

    private static func write(_ entry: JournalEntry, isNew: Bool, to journal: JobJournal?) -> JournalWrite {
        journal?.recordReporting(entry, isNew: isNew) ?? .written
    }
}

extension JournalWriter: SubmissionJournal {
    /// The submission's first entry, written in turn with every other write.
    func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite {
        await record(entry, isNew: true)
    }
}
