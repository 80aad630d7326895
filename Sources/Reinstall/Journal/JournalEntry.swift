import Foundation
import HuaweiCloud

/// What the journal keeps of one submitted reinstall: enough to find and follow the job again
/// after a crash or a dropped SSH session. Never a secret: there is no field that could hold one.
public struct JournalEntry: Codable, Sendable, Equatable {
    public var jobId: String
    public var serverId: String
    public var serverName: String
    public var api: ReinstallAPI
    /// Which cloud account the job belongs to (region and project), so another account's jobs
    /// are never polled with the wrong credentials.
    public var scope: String
    public var submittedAt: Date
    /// The last status seen: `SUBMITTED`, the job's status, or `LOST`.
    public var lastStatus: String
    public var updatedAt: Date
    public var finishedAt: Date?
    public var errorCode: String?
    public var failReason: String?
    /// The submission's X-Request-Id, for a ticket with Huawei support; nil in entries written
    /// before it was kept, or when the answer had none.
    public var requestId: String?

    public init(
        jobId: String, serverId: String, serverName: String, api: ReinstallAPI, scope: String, submittedAt: Date,
        lastStatus: String = JournalEntry.submitted, updatedAt: Date? = nil, finishedAt: Date? = nil,
        errorCode: String? = nil, failReason: String? = nil, requestId: String? = nil
    ) {
        self.jobId = jobId
        self.serverId = serverId
        self.serverName = serverName
        self.api = api
        self.scope = scope
        self.submittedAt = submittedAt
        self.lastStatus = lastStatus
        self.updatedAt = updatedAt ?? submittedAt
        self.finishedAt = finishedAt
        self.errorCode = errorCode
        self.failReason = failReason
        self.requestId = requestId
    }

    public static let submitted = "SUBMITTED"
    public static let lost = "LOST"

    /// Finished jobs form the history; the others are resumed on the next start.
    public var isFinished: Bool { finishedAt != nil }

    /// The same job id in the same account: one entry in the journal.
    func isSameJob(as other: JournalEntry) -> Bool {
        jobId == other.jobId && scope == other.scope
    }

    /// The same job of the same submission, not a reused id. The file keeps whole seconds, so
    /// submission times less than a second apart are the same one.
    func isSameSubmission(as other: JournalEntry) -> Bool {
        isSameJob(as: other) && abs(submittedAt.timeIntervalSince(other.submittedAt)) < 1
    }
}

extension JournalEntry {
    /// The demo's scopes begin with this: its simulated cloud is new on every start.
    public static let demoScope = "demo"

    /// Which account and project an entry belongs to (`region/project_id`), so one journal serves
    /// several accounts, regions and the demo, and each job is read in its own; the TUI and the
    /// commands must agree on it to resume each other's jobs. The demo's are `demo/region/project_id`.
    public static func scope(demo: Bool, region: String, projectId: String) -> String {
        demo ? "\(demoScope)/\(region)/\(projectId)" : "\(region)/\(projectId)"
    }

    /// The region the entry's job runs in, as its scope names it; nil for the bare `demo` of earlier versions.
    public var region: String? {
        let parts = scope.split(separator: "/", omittingEmptySubsequences: false)
        let offset = Self.isDemoScope(scope) ? 1 : 0
        return parts.count == offset + 2 ? String(parts[offset]) : nil
    }

    /// The project the entry's job runs in, as its scope names it.
    public var projectId: String? {
        region == nil ? nil : scope.split(separator: "/").last.map(String.init)
    }

    /// Whether `scope` is one of the demo's (or the bare `demo` of earlier versions).
    public static func isDemoScope(_ scope: String) -> Bool {
        scope == demoScope || scope.hasPrefix(demoScope + "/")
    }
}
