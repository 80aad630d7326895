import Foundation
import HuaweiCloud

/// One asynchronous ECS job: a reinstall of one server or a batch stop of several. Its state is a
/// function of the time since submit: the first 10 % INIT, then RUNNING, then SUCCESS (or FAIL
/// when `fails`) at `submittedAt + duration`. It never stores a status, so reading it at any
/// simulated time is consistent.
struct SimulatedJob: Sendable {
    enum Kind: Sendable, Equatable {
        /// `keyName` is the key pair injected on success (nil when a password or user data was used).
        case reinstall(keyName: String?)
        case stop
    }

    /// One server the job acts on: one sub-job each.
    struct Target: Sendable {
        var serverId: String
        var subJobId: String
        /// The server's status before the job: where it returns after a FAIL.
        var priorStatus: ServerStatus
    }

    static let failureCode = "Ecs.1002"
    static let failureReason = "Ecs.1002: Openstack response timed out while rebuilding the server, retry after the job ends"
    static let failureDetail = "rebuild of the system disk timed out in the compute service"

    var id: String
    var kind: Kind
    var targets: [Target]
    var submittedAt: Date
    var duration: TimeInterval
    var fails: Bool
    /// Fault injection: after its first successful read the job answers 404 (`Fault.lostJob`).
    var lost = false
    var shownOnce = false

    var endsAt: Date { submittedAt.addingTimeInterval(duration) }

    /// `job_type` is undocumented for both (huawei-ecs-api.md §7): these names are plausible, not verified.
    var jobType: String { kind == .stop ? "batchStopServers" : "rebuildServer" }
    var subJobType: String { kind == .stop ? "stopServer" : "rebuildSingleServer" }

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

    /// The server's `status` and `OS-EXT-STS:task_state` while the job runs (§3.3).
    func runningState(of target: Target, at now: Date) -> (status: ServerStatus, taskState: String?) {
        switch kind {
        case .stop:
            return target.priorStatus == .active ? (.active, "powering-off") : (target.priorStatus, nil)
        case .reinstall:
            let p = progress(at: now)
            if p < 0.4 { return (.rebuild, "rebuilding") }
            if p < 0.7 { return (.rebuild, "rebuild_block_device_mapping") }
            return (.rebuild, "rebuild_spawning")
        }
    }

    /// The server's status once the job has ended.
    func finalStatus(of target: Target) -> ServerStatus {
        switch kind {
        case .stop: return target.priorStatus == .active ? .shutoff : target.priorStatus
        case .reinstall: return fails ? target.priorStatus : .active
        }
    }

    /// The job as `GET /v1/{project_id}/jobs/{job_id}` shows it at `now`.
    func wire(at now: Date) -> Job {
        let status = status(at: now)
        let begin = Timestamp.milliseconds(submittedAt)
        let end = status.isFinished ? Timestamp.milliseconds(endsAt) : nil
        let failed = status == .fail
        let subs = targets.map { target in
            Job.SubJob(
                jobId: target.subJobId, jobType: subJobType, status: status, beginTime: begin, endTime: end,
                errorCode: failed ? Self.failureCode : nil, failReason: failed ? Self.failureReason : nil,
                serverId: target.serverId, errorcodeMessage: failed ? Self.failureDetail : nil)
        }
        // A batch job names its servers in the sub-jobs only.
        let serverId = targets.count == 1 ? targets.first?.serverId : nil
        return Job(
            jobId: id, jobType: jobType, status: status, beginTime: begin, endTime: end,
            errorCode: failed ? Self.failureCode : nil, failReason: failed ? Self.failureReason : nil,
            entities: .init(serverId: serverId, subJobsTotal: subs.count, subJobs: subs))
    }
}
