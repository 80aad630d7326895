import HuaweiCloud
import Reinstall

/// `reinstall --json`: what became of the reinstall. Every key is always present (null when
/// unknown), whatever the outcome.
struct ReinstallReport: Encodable, Sendable {
    /// `accepted`, `not_started`, `unknown` or `started_without_job_id`.
    var outcome: String
    var jobId: String?
    /// The job's last status seen: `SUBMITTED` before --wait, then `SUCCESS`, `FAIL`, `LOST`.
    var status: String?
    /// Null only when the server named was not found.
    var serverId: String?
    var serverName: String?
    /// Null when refused before the endpoint was decided.
    var api: String?
    /// The server's status after --wait followed it, when it did.
    var serverStatus: String?
    var errorCode: String?
    var failReason: String?
    var message: String
    /// With a key pair, whether `userid` was sent (it is left out when the IAM user id is not
    /// known); null for another login.
    var useridSent: Bool?
    /// `--wait-login`: the readiness step's report (null without it, or when the reinstall did not succeed).
    var login: LoginReport?

    init(outcome: ReinstallOutcome, plan: ReinstallPlan) {
        switch outcome {
        case .accepted: self.outcome = "accepted"
        case .notStarted: self.outcome = "not_started"
        case .unknown: self.outcome = "unknown"
        case .startedWithoutJobId: self.outcome = "started_without_job_id"
        }
        jobId = outcome.jobId
        status = outcome.jobId == nil ? nil : "SUBMITTED"
        serverId = plan.serverId
        serverName = plan.serverName
        api = plan.api.rawValue
        useridSent = plan.request.keyName == nil ? nil : plan.sendsUserId
        errorCode = outcome.cause?.code
        message = outcome.message
    }

    /// A reinstall refused before anything was sent (not found, pre-flight, validation, not
    /// confirmed): `not_started`, with the failure's message and code.
    init(refusal error: any Error, server: Server?) {
        outcome = "not_started"
        serverId = server?.id
        serverName = server?.name
        switch error {
        case let failure as CommandFailure: message = failure.message
        case let cloud as CloudError:
            message = cloud.message
            errorCode = cloud.code
        default: message = String(describing: error)
        }
    }

    enum CodingKeys: String, CodingKey {
        case outcome, status, api, message
        case jobId = "job_id"
        case serverId = "server_id"
        case serverName = "server_name"
        case serverStatus = "server_status"
        case errorCode = "error_code"
        case failReason = "fail_reason"
        case useridSent = "userid_sent"
        case login
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(jobId, forKey: .jobId)
        try c.encode(status, forKey: .status)
        try c.encode(serverId, forKey: .serverId)
        try c.encode(serverName, forKey: .serverName)
        try c.encode(api, forKey: .api)
        try c.encode(serverStatus, forKey: .serverStatus)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(failReason, forKey: .failReason)
        try c.encode(message, forKey: .message)
        try c.encode(useridSent, forKey: .useridSent)
        try c.encode(login, forKey: .login)
    }
}
