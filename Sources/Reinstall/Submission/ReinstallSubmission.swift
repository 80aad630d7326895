import Foundation
import HuaweiCloud

/// The one submission step both front ends drive: re-read the server right before the POST,
/// refuse when someone else started something on it meanwhile, send the reinstall exactly once,
/// write an accepted job to the journal before anyone is told, and judge an ambiguous answer
/// (`ReinstallOutcome`'s table).
public struct ReinstallSubmission: Sendable {
    private let cloud: any SubmissionCloud
    private let journal: any SubmissionJournal
    private let scope: String
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - scope: the journal's name for this account (`JournalEntry.scope`).
    ///   - now: when the job counts as submitted.
    public init(cloud: any SubmissionCloud, journal: any SubmissionJournal, scope: String,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.cloud = cloud
        self.journal = journal
        self.scope = scope
        self.now = now
    }

    /// Submits `plan` once. Never throws: every way it can end is a `SubmissionResult`.
    /// `steps` hears the moment before the POST (and may still stop it) and the moment it is
    /// answered, before the journal is written.
    public func submit(_ plan: ReinstallPlan, steps: (any SubmissionSteps)? = nil) async -> SubmissionResult {
        let fresh: Server
        do {
            fresh = try await cloud.showServer(id: plan.serverId)
        } catch let error as CloudError {
            return .judged(.notStarted(cause: error))
        } catch {
            return .judged(.notStarted(cause: .configuration("The reinstall was cancelled before it was sent.")))
        }
        if let reason = Self.busyReason(fresh) {
            return .refused(reason: reason, server: fresh)
        }

        if let steps, !steps.sending() {
            return .judged(.notStarted(cause: .configuration("Interrupted before the reinstall was sent: nothing was sent.")))
        }
        let outcome = await cloud.reinstallOnce(serverId: plan.serverId, api: plan.api, request: plan.request, before: fresh)
        steps?.answered()
        guard let jobId = outcome.jobId else { return .judged(outcome) }
        // Journaled before the caller hears of it: if the process dies now, the next start resumes it.
        let entry = JournalEntry(jobId: jobId, serverId: plan.serverId, serverName: plan.serverName, api: plan.api,
                                 scope: scope, submittedAt: now(), requestId: outcome.requestId)
        let written = await journal.recordSubmitted(entry)
        return .accepted(entry: entry, journal: written)
    }

    /// Why the server as read just now must not be sent a reinstall: somebody (another tool, a
    /// person in the console, a script) started something on it since it was last read, or it
    /// became locked. Nil when it may be sent.
    public static func busyReason(_ server: Server) -> String? {
        let name = server.name
        if let task = server.taskState, !task.isEmpty {
            return "Nothing was sent; \(name) is busy: status \(server.status), task \(task). Another tool or person "
                + "started something on it since it was read; wait for it to finish, then look again."
        }
        if ReinstallPreflight.transitional.contains(server.status) {
            return "Nothing was sent; \(name) is busy: status \(server.status). Another tool or person started "
                + "something on it since it was read; wait for it to reach ACTIVE or SHUTOFF, then look again."
        }
        if case let .blocked(why) = ReinstallPreflight.check(server) {
            return "Nothing was sent: \(why)"
        }
        return nil
    }
}

/// The two moments of a submission a front end may need to know of (the commands' signal
/// handling: a signal before the POST stops it; one after the answer must not lose the journal).
public protocol SubmissionSteps: Sendable {
    /// Right before the POST; false stops the submission, nothing sent.
    func sending() -> Bool
    /// The cloud has answered the POST, whatever it said; the journal is written next.
    func answered()
}

/// What became of one submission.
public enum SubmissionResult: Sendable, Equatable {
    /// Nothing was sent: the server, read again just before the POST, cannot be reinstalled now.
    case refused(reason: String, server: Server)
    /// The cloud accepted it; the job was written to the journal (`journal` says how that went)
    /// before this was returned.
    case accepted(entry: JournalEntry, journal: JournalWrite)
    /// Every other end: not started (safe to send again once fixed), started without a job id, or unknown.
    case judged(ReinstallOutcome)

    /// What the operator is told.
    public var message: String {
        switch self {
        case let .refused(reason, _): return reason
        case let .accepted(entry, _): return ReinstallOutcome.accepted(jobId: entry.jobId).message
        case let .judged(outcome): return outcome.message
        }
    }

    /// Sending the same reinstall again is safe (nothing reached the cloud, or it refused it).
    public var isSafeToRetry: Bool {
        switch self {
        case .refused: return true
        case .accepted: return false
        case let .judged(outcome): return outcome.isSafeToRetry
        }
    }

    /// The POST may have started a reinstall that has no job id to follow: the server must be
    /// watched until its status shows whether it did, and nothing sent to it meanwhile.
    public var isUnclear: Bool {
        if case let .judged(outcome) = self { return !outcome.isSafeToRetry && outcome.jobId == nil }
        return false
    }
}

/// How writing the submitted job to the journal went.
public enum JournalWrite: Sendable, Equatable {
    case written
    /// Written, after something the operator should know (a damaged file moved aside).
    case writtenWithNotice(String)
    /// Not written: the job will not resume after a restart.
    case failed(String)

    /// The sentence for the operator, when there is one.
    public var notice: String? {
        switch self {
        case .written: return nil
        case let .writtenWithNotice(text), let .failed(text): return text
        }
    }

    public var isWritten: Bool {
        if case .failed = self { return false }
        return true
    }
}

/// The cloud calls the submission needs.
public protocol SubmissionCloud: Sendable {
    func showServer(id: String) async throws -> Server
    /// Sends the reinstall exactly once and judges the answer against `before`.
    func reinstallOnce(serverId: String, api: ReinstallAPI, request: ReinstallRequest, before: Server) async -> ReinstallOutcome
}

extension CloudClient: SubmissionCloud {}

/// Where a submitted job is recorded before anyone is told.
public protocol SubmissionJournal: Sendable {
    func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite
}

extension JobJournal: SubmissionJournal {
    public func recordSubmitted(_ entry: JournalEntry) async -> JournalWrite {
        recordReporting(entry, isNew: true)
    }

    /// Records the entry and says how it went, in the operator's words. `isNew`: the job's first
    /// entry (its submission) rather than an update of its state.
    public func recordReporting(_ entry: JournalEntry, isNew: Bool) -> JournalWrite {
        do {
            if let movedAside = try record(entry) { return .writtenWithNotice(movedAside.message) }
            return .written
        } catch {
            return .failed(isNew
                ? JournalMessages.notJournaled(jobId: entry.jobId, serverName: entry.serverName, error)
                : JournalMessages.notUpdated(jobId: entry.jobId, error))
        }
    }
}

