import Foundation
import HuaweiCloud

/// `POST /v1/{project_id}/cloudservers/action` with `{"os-stop": {"type", "servers": [{"id"}]}}`
/// (huawei-ecs-api.md §9): one job whose sub-jobs move each ACTIVE server to SHUTOFF.
/// Other batch actions (`os-start`, `reboot`) are not simulated and get `Ecs.0005`.
extension SimulatorCore {
    static let maximumBatch = 1000

    mutating func batchAction(body: Data, now: Date) throws(APIFailure) -> JobReference {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw Self.invalidBody("request body is illegal: expected a JSON object")
        }
        guard let stop = object["os-stop"] as? [String: Any] else {
            throw Self.invalidBody("the simulator supports only the os-stop batch action")
        }
        let type = stop["type"].map { $0 as? String } ?? "SOFT"
        guard type == "SOFT" || type == "HARD" else {
            throw Self.invalidBody("os-stop.type must be SOFT or HARD")
        }
        guard let entries = stop["servers"] as? [[String: Any]], !entries.isEmpty else {
            throw Self.invalidBody("os-stop.servers must list at least one {\"id\": …}")
        }
        guard entries.count <= Self.maximumBatch else {
            throw Self.invalidBody("os-stop.servers must list at most \(Self.maximumBatch) servers")
        }
        var ids: [String] = []
        for entry in entries {
            guard let id = entry["id"] as? String, !id.isEmpty else {
                throw Self.invalidBody("every entry of os-stop.servers needs an id")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        var targets: [SimulatedJob.Target] = []
        let jobId = random.hexId()
        for id in ids {
            guard let server = store[id] else { throw Self.serverNotFound(id) }
            guard !server.locked else { throw .ecs(400, "Ecs.0605", "The ECS \(id) is locked: unlock it before stopping it") }
            try checkNoRunningJob(id, now: now)
            targets.append(.init(serverId: id, subJobId: random.hexId(), priorStatus: server.status))
        }
        // A stop is quicker than a rebuild: a quarter of the configured job duration.
        let job = SimulatedJob(
            id: jobId, kind: .stop, targets: targets, submittedAt: now,
            duration: configuration.jobDuration.timeInterval / 4, fails: false, lost: faults.nextJobIsLost())
        start(job, now: now)
        return JobReference(jobId: job.id)
    }

    static func invalidBody(_ message: String) -> APIFailure {
        .ecs(400, "Ecs.0005", "Invalid parameter: \(message)")
    }
}
