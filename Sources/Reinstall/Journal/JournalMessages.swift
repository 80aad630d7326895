import Foundation

/// What `JobJournal` read, and whether it had to move a damaged file aside to read it.
public struct JournalContents: Sendable, Equatable {
    public var entries: [JournalEntry]
    public var movedAside: JournalMovedAside?

    public init(entries: [JournalEntry], movedAside: JournalMovedAside? = nil) {
        self.entries = entries
        self.movedAside = movedAside
    }
}

/// A journal file that could not be read whole, and where it went. Its `message` is the one
/// wording the TUI (on screen) and the commands for scripts (on stderr) both use.
public struct JournalMovedAside: Sendable, Equatable {
    public var file: String
    public var movedTo: String
    /// Why it could not be read: `line 3 is not a job entry`, `Permission denied`.
    public var reason: String
    /// Entries it did hold, carried over into the new journal.
    public var keptEntries: Int

    public init(file: String, movedTo: String, reason: String, keptEntries: Int) {
        self.file = file
        self.movedTo = movedTo
        self.reason = reason
        self.keptEntries = keptEntries
    }

    /// Where the file went comes first, so that a short screen that cuts the message keeps it.
    public var message: String {
        "Unreadable job journal moved to \(movedTo) (\(reason)); a new one was started"
            + (keptEntries == 0 ? "." : " with the \(keptEntries) job(s) it could read.")
    }
}

/// The sentences the TUI and the commands share when the journal fails them. The consequence
/// comes first and the cause after, so that a screen line that cuts the message keeps what matters.
public enum JournalMessages {
    /// A job that was accepted by the cloud but is not in the journal.
    public static func notJournaled(jobId: String, serverName: String?, _ error: Error) -> String {
        let server = serverName.map { " of \($0)" } ?? ""
        return "Job \(jobId)\(server) is not journaled and will not resume after a restart. \(error)."
    }

    /// The journal could not be read at start.
    public static func notLoaded(_ error: Error) -> String {
        "Unfinished jobs will not resume. \(error)."
    }

    /// A journaled job's new state could not be saved.
    public static func notUpdated(jobId: String, _ error: Error) -> String {
        "The journal keeps an older state of job \(jobId). \(error)."
    }
}
