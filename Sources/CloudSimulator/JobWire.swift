import Foundation
import HuaweiCloud

/// The job on the wire. It is the `Job` model's shape plus what the model does not keep:
/// each sub-job's `entities.server_id` and `nic_id`, as ECS sends them (§7).
struct JobWire: Encodable {
    var job: Job
    /// The server of each sub-job, in the order of `job.entities.subJobs`.
    var subJobServerIds: [String]

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
            let subs = entities.subJobs ?? []
            try e.encode(
                subs.enumerated().map { index, sub in
                    SubJobWire(sub: sub, serverId: index < subJobServerIds.count ? subJobServerIds[index] : entities.serverId)
                },
                forKey: .subJobs)
        }
    }
}
