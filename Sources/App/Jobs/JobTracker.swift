import Foundation
import HuaweiCloud
import Reinstall

/// A reinstall job this session follows, with what its follower last learned of it.
package struct JobTracker: Sendable, Equatable, Identifiable {
    package var id: String { jobId }
    /// What the journal keeps of the job, as its follower last said to write it.
    package var entry: JournalEntry
    package var job: Job?
    /// After SUCCESS (or a lost job id) the server is followed until it leaves REBUILD with no task state.
    package var serverStatus: ServerStatus?
    package var serverTaskState: String?
    /// When the tracker stopped changing: the follower finished (or gave up on refused keys).
    package var finishedAt: Date?
    /// Why the job id can no longer be read (the cloud forgot it); the server may still be followed.
    package var lost: String?
    /// How following ended, in the follower's words.
    package var outcome: FollowOutcome?
    /// Why the job is no longer followed although unfinished (the cloud refused the keys); the
    /// next start resumes it.
    package var stopped: String?
    /// The last read's failure and when it happened, shown beside the last good state.
    package var pollError: String?
    package var pollErrorAt: Date?
    /// When the last good answer arrived.
    package var lastSeenAt: Date?
    /// After success: whether the server is ready to log in (the probe, known_hosts, the new key).
    package var login: LoginWatch?

    package init(jobId: String, serverId: String, serverName: String, api: ReinstallAPI, scope: String, submittedAt: Date,
                requestId: String? = nil) {
        entry = JournalEntry(jobId: jobId, serverId: serverId, serverName: serverName, api: api, scope: scope,
                             submittedAt: submittedAt, requestId: requestId)
    }

    /// A tracker resumed from the journal after a restart.
    package init(resuming entry: JournalEntry) {
        self.entry = entry
        lastSeenAt = entry.updatedAt
        if entry.status == .lost { lost = entry.failReason ?? "the cloud does not know this job id" }
    }

    package var jobId: String { entry.jobId }
    package var serverId: String { entry.serverId }
    package var serverName: String { entry.serverName }
    package var api: ReinstallAPI { entry.api }
    package var submittedAt: Date { entry.submittedAt }

    package var isFinished: Bool { finishedAt != nil }
    /// The job succeeded and the server is still being rebuilt.
    package var isSettling: Bool { job?.status == .success && finishedAt == nil }

    package func elapsed(now: Date) -> TimeInterval {
        max(0, (finishedAt ?? now).timeIntervalSince(submittedAt))
    }
}

/// The job's status word (the pane's, the JOB column's, the exit summary's): the job's own, or
/// what we know when the job says nothing more. Beside the state: `reduce` sorts rows by it.
func statusLabel(_ tracker: JobTracker) -> String {
    if tracker.lost != nil { return "LOST" }
    if tracker.isSettling { return "BOOTING" }
    return tracker.job?.status.rawValue ?? "SUBMITTED"
}
