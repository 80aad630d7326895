import Foundation
import HuaweiCloud

/// A reinstall job this session submitted, with what the poller last learned of it.
public struct JobTracker: Sendable, Equatable, Identifiable {
    public var id: String { jobId }
    public var jobId: String
    public var serverId: String
    public var serverName: String
    public var api: ReinstallAPI
    public var submittedAt: Date
    public var job: Job?
    /// When the poller first saw the job finished (the pane's elapsed time stops there).
    public var finishedAt: Date?
    /// The last poll's failure, shown beside the last good state until a poll succeeds.
    public var pollError: String?

    public init(jobId: String, serverId: String, serverName: String, api: ReinstallAPI, submittedAt: Date) {
        self.jobId = jobId
        self.serverId = serverId
        self.serverName = serverName
        self.api = api
        self.submittedAt = submittedAt
    }

    public var status: Job.Status? { job?.status }
    public var isFinished: Bool { job?.status.isFinished ?? false }

    public func elapsed(now: Date) -> TimeInterval {
        max(0, (finishedAt ?? now).timeIntervalSince(submittedAt))
    }
}
