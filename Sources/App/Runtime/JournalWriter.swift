import Foundation
import Reinstall

/// Writes journal entries off the main thread, one at a time and in the order they were asked
/// for: `enqueue` is synchronous, so two writes about one job issued one after the other (even by
/// effects that then run concurrently) land in that order, and a job's finished state is never
/// overwritten by an older one. The submission's first entry goes through the same queue.
final class JournalWriter: Sendable {
    /// A serial queue of its own: a write can block (another instance holds the journal's lock,
    /// a slow disk's fsync), and blocking there must not starve Swift's small cooperative pool,
    /// which runs the HTTP work and the other effects.
    private let queue = DispatchQueue(label: "ecs-reinstall.journal")
    private let journal: JobJournal?
    /// Entered for each queued write, left once it is written: what `waitUntilWritten` waits on.
    private let unwritten = DispatchGroup()

    init(journal: JobJournal?) {
        self.journal = journal
    }

    /// Queues the entry; `done` hears how the write went (a failure, or a damaged journal file
    /// moved aside first, carries a message for the operator).
    func enqueue(_ entry: JournalEntry, isNew: Bool, done: @escaping @Sendable (JournalWrite) -> Void = { _ in }) {
        unwritten.enter()
        queue.async { [journal, unwritten] in
            done(Self.write(entry, isNew: isNew, to: journal))
            unwritten.leave()
        }
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
