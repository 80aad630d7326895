import HuaweiCloud

/// One job as `job --json` prints it; every key always present (null when unknown). The failure
/// code and reason are `Job.failureCode`/`failureReason`, as in the pane, the history and the journal.
public struct JobSummary: Encodable, Sendable, Equatable {
    public var jobId: String
    public var jobType: String?
    public var status: String
    public var serverId: String?
    public var beginTime: String?
    public var endTime: String?
    public var errorCode: String?
    public var failReason: String?

    public init(_ job: Job) {
        jobId = job.jobId
        jobType = job.jobType
        status = job.status.rawValue
        serverId = job.entities?.serverId
        beginTime = job.beginTime
        endTime = job.endTime
        errorCode = job.failureCode
        failReason = job.failureReason
    }

    enum CodingKeys: String, CodingKey {
        case status
        case jobId = "job_id"
        case jobType = "job_type"
        case serverId = "server_id"
        case beginTime = "begin_time"
        case endTime = "end_time"
        case errorCode = "error_code"
        case failReason = "fail_reason"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jobId, forKey: .jobId)
        try c.encode(jobType, forKey: .jobType)
        try c.encode(status, forKey: .status)
        try c.encode(serverId, forKey: .serverId)
        try c.encode(beginTime, forKey: .beginTime)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(failReason, forKey: .failReason)
    }
}
