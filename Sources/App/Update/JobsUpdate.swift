import Foundation
import HuaweiCloud

/// How often a job is polled: often while it is young, less after the first minute.
func pollInterval(for tracker: JobTracker, now: Date) -> Duration {
    tracker.elapsed(now: now) < 60 ? .seconds(2) : .seconds(5)
}

func reduceReinstallAccepted(
    _ state: inout AppState, jobId: String, serverId: String, serverName: String, api: ReinstallAPI, at: Date
) -> [Effect] {
    if state.form?.server.id == serverId {
        state.form?.wipe()
        state.form = nil
    }
    let tracker = JobTracker(jobId: jobId, serverId: serverId, serverName: serverName, api: api, submittedAt: at)
    state.jobs.removeAll { $0.jobId == jobId }
    state.jobs.append(tracker)
    state.now = max(state.now, at)
    state.flash = Flash(.info, "Reinstall of \(serverName) submitted via \(api.rawValue): job \(jobId)")
    state.servers.loading = true
    return [.pollJob(id: jobId, after: .seconds(1)), .scheduleTick(after: .seconds(1)), .loadServers(page: 1)]
}

func reduceJobUpdated(_ state: inout AppState, _ job: Job) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == job.jobId }) else { return [] }
    let wasFinished = state.jobs[index].isFinished
    state.jobs[index].job = job
    state.jobs[index].pollError = nil
    let tracker = state.jobs[index]
    guard job.status.isFinished else {
        return [.pollJob(id: job.jobId, after: pollInterval(for: tracker, now: state.now))]
    }
    if wasFinished { return [] }
    state.jobs[index].finishedAt = state.now
    switch job.status {
    case .success:
        state.flash = Flash(.info, "Reinstall of \(tracker.serverName) succeeded; the login is injected a few minutes after boot.")
    default:
        state.flash = Flash(.error, "Reinstall of \(tracker.serverName) failed: \(job.errorCode ?? "no code") \(job.failReason ?? "")")
    }
    state.servers.loading = true
    return [.loadServers(page: 1)]
}

func reduceJobPollFailed(_ state: inout AppState, jobId: String, message: String) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }) else { return [] }
    state.jobs[index].pollError = message
    return [.pollJob(id: jobId, after: .seconds(5))]
}
