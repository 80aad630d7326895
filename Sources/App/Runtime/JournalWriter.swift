import Foundation
import Reinstall

/// Serialises journal writes off the main thread, in the order they were asked for.
actor JournalWriter {
    private let journal: JobJournal?

    init(journal: JobJournal?) { self.journal = journal }

    /// Writes the entry durably; returns a message for the operator when that failed, or when a
    /// damaged journal file had to be moved aside first. `isNew`: the job's first entry (its
    /// submission) rather than an update of its state.
    func record(_ entry: JournalEntry, isNew: Bool) -> String? {
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

extension JournalWriter: SubmissionJournal {
    /// The submission's first entry, written in turn with every other write.
    func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite {
        guard let journal else { return .written }
        do {
            if let movedAside = try journal.record(entry) { return .writtenWithNotice(movedAside.message) }
            return .written
        } catch {
            return .failed(JournalMessages.notJournaled(jobId: entry.jobId, serverName: entry.serverName, error))
        }
    }
}
