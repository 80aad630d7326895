import Foundation

/// An asynchronous ECS job, `GET /v1/{project_id}/jobs/{job_id}` (huawei-ecs-api.md §7).
public struct Job: Codable, Sendable, Equatable {
    /// The job's phase. Decoded leniently: a status this version does not know is kept as the
    /// cloud sent it (`other`), so it is shown and journaled as it was, not as `UNKNOWN`.
    public enum Status: RawRepresentable, Codable, Sendable, Hashable {
        case initial
        case running
        case success
        case fail
        case pendingPayment
        /// No status at all (or the cloud's own `UNKNOWN`).
        case unknown
        case other(String)

        public init(rawValue: String) {
            switch rawValue {
            case "INIT": self = .initial
            case "RUNNING": self = .running
            case "SUCCESS": self = .success
            case "FAIL": self = .fail
            case "PENDING_PAYMENT": self = .pendingPayment
            case "UNKNOWN", "": self = .unknown
            default: self = .other(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .initial: return "INIT"
            case .running: return "RUNNING"
            case .success: return "SUCCESS"
            case .fail: return "FAIL"
            case .pendingPayment: return "PENDING_PAYMENT"
            case .unknown: return "UNKNOWN"
            case let .other(text): return text
            }
        }

        public var isFinished: Bool { self == .success || self == .fail }
    }

    public var jobId: String
    public var jobType: String?
    public var status: Status
    public var beginTime: String?
    public var endTime: String?
    public var errorCode: String?
    public var failReason: String?
    public var entities: Entities?

    public init(
        jobId: String, jobType: String?, status: Status, beginTime: String?, endTime: String?,
        errorCode: String?, failReason: String?, entities: Entities?
    ) {
        self.jobId = jobId
        self.jobType = jobType
        self.status = status
        self.beginTime = beginTime
        self.endTime = endTime
        self.errorCode = errorCode
        self.failReason = failReason
        self.entities = entities
    }

    public struct Entities: Codable, Sendable, Equatable {
        public var serverId: String?
        public var subJobsTotal: Int?
        public var subJobs: [SubJob]?

        public init(serverId: String?, subJobsTotal: Int?, subJobs: [SubJob]?) {
            self.serverId = serverId
            self.subJobsTotal = subJobsTotal
            self.subJobs = subJobs
        }

        enum CodingKeys: String, CodingKey {
            case serverId = "server_id"
            case subJobsTotal = "sub_jobs_total"
            case subJobs = "sub_jobs"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            serverId = c.lenientString(forKey: .serverId)
            subJobsTotal = c.lenientInt(forKey: .subJobsTotal)
            subJobs = c.lenient([SubJob].self, forKey: .subJobs)
        }
    }

    public struct SubJob: Codable, Sendable, Equatable {
        public var jobId: String?
        public var jobType: String?
        public var status: Status
        public var beginTime: String?
        public var endTime: String?
        public var errorCode: String?
        public var failReason: String?
        /// `entities.server_id`: in a batch job, the server this sub-job acts on.
        public var serverId: String?
        public var errorcodeMessage: String?

        public init(jobId: String?, jobType: String?, status: Status, beginTime: String?, endTime: String?,
                    errorCode: String?, failReason: String?, serverId: String? = nil, errorcodeMessage: String?) {
            self.jobId = jobId
            self.serverId = serverId
            self.jobType = jobType
            self.status = status
            self.beginTime = beginTime
            self.endTime = endTime
            self.errorCode = errorCode
            self.failReason = failReason
            self.errorcodeMessage = errorcodeMessage
        }

        enum CodingKeys: String, CodingKey {
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
            case nicId = "nic_id"
            case errorcodeMessage = "errorcode_message"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            jobId = c.lenientString(forKey: .jobId)
            jobType = c.lenientString(forKey: .jobType)
            status = Status(rawValue: c.lenientString(forKey: .status) ?? "")
            beginTime = c.lenientString(forKey: .beginTime)
            endTime = c.lenientString(forKey: .endTime)
            errorCode = c.lenientString(forKey: .errorCode)
            failReason = c.lenientString(forKey: .failReason)
            let entities = try? c.nestedContainer(keyedBy: EntityKeys.self, forKey: .entities)
            serverId = entities?.lenientString(forKey: .serverId)
            errorcodeMessage = entities?.lenientString(forKey: .errorcodeMessage)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(jobId, forKey: .jobId)
            try c.encode(jobType, forKey: .jobType)
            try c.encode(status, forKey: .status)
            try c.encode(beginTime, forKey: .beginTime)
            try c.encode(endTime, forKey: .endTime)
            try c.encode(errorCode, forKey: .errorCode)
            try c.encode(failReason, forKey: .failReason)
            // ECS sends all three, null when not applicable.
            var e = c.nestedContainer(keyedBy: EntityKeys.self, forKey: .entities)
            try e.encode(serverId, forKey: .serverId)
            try e.encodeNil(forKey: .nicId)
            try e.encode(errorcodeMessage, forKey: .errorcodeMessage)
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, entities
        case jobId = "job_id"
        case jobType = "job_type"
        case beginTime = "begin_time"
        case endTime = "end_time"
        case errorCode = "error_code"
        case failReason = "fail_reason"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jobId = try c.requiredLenientString(forKey: .jobId)
        jobType = c.lenientString(forKey: .jobType)
        status = Status(rawValue: c.lenientString(forKey: .status) ?? "")
        beginTime = c.lenientString(forKey: .beginTime)
        endTime = c.lenientString(forKey: .endTime)
        errorCode = c.lenientString(forKey: .errorCode)
        failReason = c.lenientString(forKey: .failReason)
        entities = c.lenient(Entities.self, forKey: .entities)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jobId, forKey: .jobId)
        try c.encode(jobType, forKey: .jobType)
        try c.encode(status, forKey: .status)
        try c.encode(beginTime, forKey: .beginTime)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(failReason, forKey: .failReason)
        try c.encode(entities, forKey: .entities)
    }
}

/// `{"job_id": "…"}`: what reinstall and stop return.
public struct JobReference: Codable, Sendable, Equatable {
    public var jobId: String
    public init(jobId: String) { self.jobId = jobId }
    enum CodingKeys: String, CodingKey { case jobId = "job_id" }
}

extension Job {
    /// The error code of a failed job: its own, else its first sub-job's.
    public var failureCode: String? { errorCode ?? entities?.subJobs?.first?.errorCode }

    /// Why a job failed: its own reason, else its first sub-job's reason or message.
    public var failureReason: String? {
        let sub = entities?.subJobs?.first
        return failReason ?? sub?.failReason ?? sub?.errorcodeMessage
    }
}
