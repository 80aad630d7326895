import Foundation
import HuaweiCloud
import Reinstall

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
    return [
        .watchJob(JobWatch(jobId: jobId, serverId: serverId, submittedAt: at, phase: .job)),
        .scheduleTick(after: .seconds(1)),
    ] + refreshUnlessTyping(&state)
}

func reduceJobUpdated(_ state: inout AppState, _ job: Job) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == job.jobId }), !state.jobs[index].isFinished
    else { return [] }
    let previous = state.jobs[index].job?.status
    state.jobs[index].job = job
    state.jobs[index].pollError = nil
    state.jobs[index].lastSeenAt = state.now
    guard job.status != previous else { return [] }
    let name = state.jobs[index].serverName
    switch job.status {
    case .fail:
        let subJob = job.entities?.subJobs?.compactMap(\.errorcodeMessage).first.map { " — \($0)" } ?? ""
        finish(&state, index, Flash(.error, "Reinstall of \(name) failed: \(job.errorCode ?? "no code") \(job.failReason ?? "")\(subJob)"))
    case .success:
        // The job is done but the server is still being rebuilt: the poller follows it now.
        state.flash = Flash(.info, "Reinstall job of \(name) succeeded; waiting for the server to finish booting…")
    default:
        break
    }
    return [.recordJob(state.jobs[index].journalEntry(scope: state.journalScope, now: state.now))]
        + (state.jobs[index].isFinished ? refreshUnlessTyping(&state) : [])
}

func reduceJobServerUpdated(_ state: inout AppState, jobId: String, server: Server) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }), !state.jobs[index].isFinished
    else { return [] }
    state.jobs[index].serverStatus = server.status
    state.jobs[index].serverTaskState = server.taskState
    state.jobs[index].pollError = nil
    state.jobs[index].lastSeenAt = state.now
    if state.servers.catalog.index(of: server.id) != nil {
        state.servers.catalog.upsert([server], context: ServerRowContext(state))
    }
    guard server.hasSettledAfterReinstall else { return [] }
    let name = state.jobs[index].serverName
    finish(&state, index, Flash(.info, "Reinstall of \(name) done (\(server.status)): the key or password is injected a few minutes after boot."))
    return [.recordJob(state.jobs[index].journalEntry(scope: state.journalScope, now: state.now))]
        + refreshUnlessTyping(&state)
}

func reduceJobLost(_ state: inout AppState, jobId: String, message: String) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }), !state.jobs[index].isFinished
    else { return [] }
    state.jobs[index].lost = message
    finish(&state, index, Flash(.error, "Job of \(state.jobs[index].serverName) can no longer be followed: \(message)"))
    return [.recordJob(state.jobs[index].journalEntry(scope: state.journalScope, now: state.now))]
}

func reduceJobPollFailed(_ state: inout AppState, jobId: String, message: String, at: Date) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }), !state.jobs[index].isFinished
    else { return [] }
    // The pane keeps the last good state and says what failed; the poller retries on its own.
    state.jobs[index].pollError = message
    state.jobs[index].pollErrorAt = at
    return []
}

/// Marks a tracker finished: it stops counting time, joins the history, and the operator hears of it.
private func finish(_ state: inout AppState, _ index: Int, _ flash: Flash) {
    state.jobs[index].finishedAt = state.now
    state.flash = flash
    if state.bellEnabled { state.bells += 1 }
    let entry = state.jobs[index].journalEntry(scope: state.journalScope, now: state.now)
    state.history.removeAll { $0.jobId == entry.jobId }
    state.history.append(entry)
}
