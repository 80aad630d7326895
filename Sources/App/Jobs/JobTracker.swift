import Foundation
import HuaweiCloud
import Reinstall

/// A reinstall job this session follows, with what its follower last learned of it.
public struct JobTracker: Sendable, Equatable, Identifiable {
    public var id: String { jobId }
    /// What the journal keeps of the job, as its follower last said to write it.
    public var entry: JournalEntry
    public var job: Job?
    /// After SUCCESS (or a lost job id) the server is followed until it leaves REBUILD with no task state.
    public var serverStatus: ServerStatus?
    public var serverTaskState: String?
    /// When the tracker stopped changing: the follower finished (or gave up on refused keys).
    public var finishedAt: Date?
    /// Why the job id can no longer be read (the cloud forgot it); the server may still be followed.
    public var lost: String?
    /// How following ended, in the follower's words.
    public var outcome: FollowOutcome?
    /// Why the job is no longer followed although unfinished (the cloud refused the keys); the
    /// next start resumes it.
    public var stopped: String?
    /// The last read's failure and when it happened, shown beside the last good state.
    public var pollError: String?
    public var pollErrorAt: Date?
    /// When the last good answer arrived.
    public var lastSeenAt: Date?

    public init(jobId: String, serverId: String, serverName: String, api: ReinstallAPI, scope: String, submittedAt: Date,
                requestId: String? = nil) {
        entry = JournalEntry(jobId: jobId, serverId: serverId, serverName: serverName, api: api, scope: scope,
                             submittedAt: submittedAt, requestId: requestId)
    }

    /// A tracker resumed from the journal after a restart.
    public init(resuming entry: JournalEntry) {
        self.entry = entry
        lastSeenAt = entry.updatedAt
        if entry.status == .lost { lost = entry.failReason ?? "the cloud does not know this job id" }
    }

    public var jobId: String { entry.jobId }
    public var serverId: String { entry.serverId }
    public var serverName: String { entry.serverName }
    public var api: ReinstallAPI { entry.api }
    public var submittedAt: Date { entry.submittedAt }

    public var isFinished: Bool { finishedAt != nil }
    /// The job succeeded and the server is still being rebuilt.
    public var isSettling: Bool { job?.status == .success && finishedAt == nil }

    public func elapsed(now: Date) -> TimeInterval {
        max(0, (finishedAt ?? now).timeIntervalSince(submittedAt))
    }
}
