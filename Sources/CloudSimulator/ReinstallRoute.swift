import Foundation
import HuaweiCloud

/// `POST /v{1,2}/{project_id}/cloudservers/{id}/reinstallos` (huawei-ecs-api.md §4).
extension SimulatorCore {
    mutating func reinstall(
        api: ReinstallAPI, serverId: String, body: Data, now: Date
    ) throws(APIFailure) -> JobReference {
        guard let server = store[serverId] else { throw Self.serverNotFound(serverId) }
        try checkEnterpriseProject(of: server, action: "ecs:cloudServers:rebuild")
        guard !server.isBareMetal else {
            // Inferred: the reference does not say how ECS refuses a BMS server; it must refuse.
            throw .ecs(400, "Ecs.0005", "The server is a bare metal server: reinstall it through the BMS API")
        }
        let request = try ReinstallValidator(api: api, server: server, keypairs: keypairs).validate(body: body)
        guard !server.locked else {
            throw .ecs(400, "Ecs.0605", "The ECS is locked: unlock it before reinstalling the OS")
        }
        guard server.hasSystemDisk else {
            throw .ecs(400, "Ecs.0105", "No system disk found: the ECS has no volume with bootIndex 0")
        }
        try checkNoRunningJob(serverId, now: now)
        switch server.status {
        case .shutoff, .error:
            break
        case .active where request.withStopServer:
            break
        case .active:
            throw .ecs(400, "Ecs.0100", "The ECS status ACTIVE does not meet the requirements: stop the ECS first or set mode to withStopServer")
        default:
            throw .ecs(400, "Ecs.0100", "The ECS status \(server.status) does not meet the requirements for reinstalling the OS")
        }

        // Draw order (id, sub-job id, failure) is kept stable so a seed gives the same jobs.
        let jobId = random.hexId()
        let target = SimulatedJob.Target(serverId: serverId, subJobId: random.hexId(), priorStatus: server.status)
        let fails = random.unit() < configuration.failureRate
        let job = SimulatedJob(
            id: jobId, kind: .reinstall(keyName: request.keyName), targets: [target], submittedAt: now,
            duration: configuration.jobDuration.timeInterval, fails: fails, lost: faults.nextJobIsLost())
        start(job, now: now)
        logins[job.id] = ReinstallLogin(keyName: request.keyName, userId: request.userId, password: request.adminPass != nil)
        return JobReference(jobId: job.id)
    }

    /// `Ecs.0603`: the server already has a job that has not ended.
    func checkNoRunningJob(_ serverId: String, now: Date) throws(APIFailure) {
        if let jobId = runningJobs[serverId], let job = jobs[jobId], !job.isFinished(at: now) {
            throw .ecs(501, "Ecs.0603", "Other commands are being executed on the ECS (job \(jobId)); retry when it ends")
        }
    }

    /// Records the job and puts its servers in their running state.
    mutating func start(_ job: SimulatedJob, now: Date) {
        jobs[job.id] = job
        for target in job.targets {
            runningJobs[target.serverId] = job.id
            if configuration.loginListener != nil, case .reinstall = job.kind {
                loginEvents.append(.down(serverId: target.serverId))
            }
            let (status, taskState) = job.runningState(of: target, at: now)
            store.update(target.serverId) {
                $0.status = status
                $0.taskState = taskState
                $0.updated = Timestamp.seconds(now)
            }
        }
    }
}
