import Foundation
import HuaweiCloud
import Reinstall

/// A reinstall job this session follows, with what the poller last learned of it.
public struct JobTracker: Sendable, Equatable, Identifiable {
    public var id: String { jobId }
    public var jobId: String
    public var serverId: String
    public var serverName: String
    public var api: ReinstallAPI
    public var submittedAt: Date
    public var job: Job?
    /// After SUCCESS the server is followed until it leaves REBUILD with no task state.
    public var serverStatus: String?
    public var serverTaskState: String?
    /// When the tracker stopped changing: the job failed, the server settled, or the job was lost.
    public var finishedAt: Date?
    /// Why the job can no longer be followed (its id is unknown to the cloud).
    public var lost: String?
    /// The last poll's failure and when it happened, shown beside the last good state.
    public var pollError: String?
    public var pollErrorAt: Date?
    /// When the last good answer arrived.
    public var lastSeenAt: Date?

    public init(jobId: String, serverId: String, serverName: String, api: ReinstallAPI, submittedAt: Date) {
        self.jobId = jobId
        self.serverId = serverId
        self.serverName = serverName
        self.api = api
        self.submittedAt = submittedAt
    }

    /// A tracker resumed from the journal after a restart.
    public init(resuming entry: JournalEntry) {
        self.init(jobId: entry.jobId, serverId: entry.serverId, serverName: entry.serverName, api: entry.api,
                  submittedAt: entry.submittedAt)
        lastSeenAt = entry.updatedAt
    }

    public var isFinished: Bool { finishedAt != nil }
    /// The job succeeded and the server is still being rebuilt.
    public var isSettling: Bool { job?.status == .success && finishedAt == nil }

    public func elapsed(now: Date) -> TimeInterval {
        max(0, (finishedAt ?? now).timeIntervalSince(submittedAt))
    }

    /// What the journal keeps of this tracker.
    public func journalEntry(scope: String, now: Date) -> JournalEntry {
        JournalEntry(
            jobId: jobId, serverId: serverId, serverName: serverName, api: api, scope: scope,
            submittedAt: submittedAt, lastStatus: lost != nil ? JournalEntry.lost : (job?.status.rawValue ?? JournalEntry.submitted),
            updatedAt: now, finishedAt: finishedAt, errorCode: job?.errorCode, failReason: lost ?? job?.failReason)
    }
}

/// What the poller is asked to follow for one job.
public struct JobWatch: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Poll `GET /v1/{project_id}/jobs/{job_id}` until SUCCESS or FAIL.
        case job
        /// The job succeeded: poll the server until it leaves REBUILD with no task state.
        case server
    }

    public var jobId: String
    public var serverId: String
    public var submittedAt: Date
    public var phase: Phase

    public init(jobId: String, serverId: String, submittedAt: Date, phase: Phase) {
        self.jobId = jobId
        self.serverId = serverId
        self.submittedAt = submittedAt
        self.phase = phase
    }
}
