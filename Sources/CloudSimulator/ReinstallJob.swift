import Foundation
import HuaweiCloud

/// One reinstall job. Its state is a function of the time since submit: the first 10 % INIT,
/// then RUNNING, then SUCCESS (or FAIL when `fails`) at `submittedAt + duration`.
struct ReinstallJob: Sendable {
    static let jobType = "rebuildServer"
    static let subJobType = "rebuildSingleServer"
    static let failureCode = "Ecs.1002"
    static let failureReason = "Ecs.1002: Openstack response timed out while rebuilding the server, retry after the job ends"
    static let failureDetail = "rebuild of the system disk timed out in the compute service"

    var id: String
    var subJobId: String
    var serverId: String
    var submittedAt: Date
    var duration: TimeInterval
    var fails: Bool
    /// The server's status before the job: where it returns after a FAIL.
    var priorStatus: String
    /// The key pair injected on success (nil when a password or user data was used).
    var keyName: String?

    var endsAt: Date { submittedAt.addingTimeInterval(duration) }

    func progress(at now: Date) -> Double {
        guard duration > 0 else { return 1 }
        return now.timeIntervalSince(submittedAt) / duration
    }

    func status(at now: Date) -> Job.Status {
        let p = progress(at: now)
        if p >= 1 { return fails ? .fail : .success }
        return p < 0.1 ? .initial : .running
    }

    func isFinished(at now: Date) -> Bool { status(at: now).isFinished }

    /// The server's `OS-EXT-STS:task_state` while the job runs.
    func taskState(at now: Date) -> String {
        let p = progress(at: now)
        if p < 0.4 { return "rebuilding" }
        if p < 0.7 { return "rebuild_block_device_mapping" }
        return "rebuild_spawning"
    }

    /// The job as the shared model sees it.
    func model(at now: Date) -> Job {
        let status = status(at: now)
        let begin = Timestamp.milliseconds(submittedAt)
        let end = status.isFinished ? Timestamp.milliseconds(endsAt) : nil
        let failed = status == .fail
        let sub = Job.SubJob(
            jobId: subJobId, jobType: Self.subJobType, status: status, beginTime: begin, endTime: end,
            errorCode: failed ? Self.failureCode : nil, failReason: failed ? Self.failureReason : nil,
            errorcodeMessage: failed ? Self.failureDetail : nil)
        return Job(
            jobId: id, jobType: Self.jobType, status: status, beginTime: begin, endTime: end,
            errorCode: failed ? Self.failureCode : nil, failReason: failed ? Self.failureReason : nil,
            entities: .init(serverId: serverId, subJobsTotal: 1, subJobs: [sub]))
    }
}

/// The job on the wire. It is the `Job` model's shape plus what the model does not keep:
/// each sub-job's `entities.server_id` and `nic_id`, as ECS sends them (§7).
struct JobWire: Encodable {
    var job: Job

    enum Keys: String, CodingKey {
        case status, entities
        case jobId = "job_id"
        case jobType = "job_type"
        case beginTime = "begin_time"
        case endTime = "end_time"
        case errorCode = "error_code"
        case failReason = "fail_reason"
    }

    enum EntityKeys: String, CodingKey {
        case serverId = "server_id"
        case subJobsTotal = "sub_jobs_total"
        case subJobs = "sub_jobs"
    }

    enum SubEntityKeys: String, CodingKey {
        case serverId = "server_id"
        case nicId = "nic_id"
        case errorcodeMessage = "errorcode_message"
    }

    struct SubJobWire: Encodable {
        var sub: Job.SubJob
        var serverId: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(sub.status, forKey: .status)
            try c.encode(sub.jobId, forKey: .jobId)
            try c.encode(sub.jobType, forKey: .jobType)
            try c.encode(sub.beginTime, forKey: .beginTime)
            try c.encode(sub.endTime, forKey: .endTime)
            try c.encode(sub.errorCode, forKey: .errorCode)
            try c.encode(sub.failReason, forKey: .failReason)
            var e = c.nestedContainer(keyedBy: SubEntityKeys.self, forKey: .entities)
            try e.encode(serverId, forKey: .serverId)
            try e.encodeNil(forKey: .nicId)
            try e.encode(sub.errorcodeMessage, forKey: .errorcodeMessage)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(job.status, forKey: .status)
        try c.encode(job.jobId, forKey: .jobId)
        try c.encode(job.jobType, forKey: .jobType)
        try c.encode(job.beginTime, forKey: .beginTime)
        try c.encode(job.endTime, forKey: .endTime)
        try c.encode(job.errorCode, forKey: .errorCode)
        try c.encode(job.failReason, forKey: .failReason)
        if let entities = job.entities {
            var e = c.nestedContainer(keyedBy: EntityKeys.self, forKey: .entities)
            try e.encode(entities.serverId, forKey: .serverId)
            try e.encode(entities.subJobsTotal, forKey: .subJobsTotal)
            try e.encode(
                (entities.subJobs ?? []).map { SubJobWire(sub: $0, serverId: entities.serverId) },
                forKey: .subJobs)
        }
    }
}
