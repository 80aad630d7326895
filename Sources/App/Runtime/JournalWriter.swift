import Foundation
import Reinstall

/// Serialises journal writes off the main thread, in the order they were asked for.
actor JournalWriter {
    private let journal: JobJournal?

    init(journal: JobJournal?) { self.journal = journal }

    /// Writes the entry durably; returns a message for the operator when that failed.
    func record(_ entry: JournalEntry) -> String? {
        guard let journal else { return nil }
        do {
            try journal.record(entry)
            return nil
        } catch {
            return "\(error) — job \(entry.jobId) of \(entry.serverName) is not journaled and will not resume after a restart."
        }
    }
}
