import Foundation
import HuaweiCloud
import Reinstall

func reduceReinstallAccepted(
    _ state: inout AppState, jobId: String, serverId: String, serverName: String, api: ReinstallAPI, at: Date,
    requestId: String? = nil
) -> [Effect] {
    if state.form?.server.id == serverId {
        state.form?.wipe()
        state.form = nil
    }
    let tracker = JobTracker(jobId: jobId, serverId: serverId, serverName: serverName, api: api,
                             scope: state.journalScope, submittedAt: at, requestId: requestId)
    state.jobs.removeAll { $0.jobId == jobId }
    // An earlier job's probe of this server would soon meet the new rebuild: it stops here.
    let stops = stopLoginChecks(&state, serverId: serverId)
    state.jobs.append(tracker)
    state.now = max(state.now, at)
    state.flash = Flash(.info, "Reinstall of \(serverName) submitted via \(api.rawValue): job \(jobId)")
    return stops + [
        .watchJob(tracker.entry),
        .scheduleTick(after: .seconds(1)),
    ] + refreshUnlessTyping(&state)
}

/// The pane mirrors the follower; the journal gets what the follower says to write.
func reduceJobFollowed(_ state: inout AppState, _ followed: JobFollowed) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == followed.jobId }), !state.jobs[index].isFinished
    else { return [] }
    let follower = followed.follower
    var tracker = state.jobs[index]
    tracker.job = follower.job ?? tracker.job
    if let server = follower.server {
        tracker.serverStatus = server.status
        tracker.serverTaskState = server.taskState
    }
    tracker.pollError = follower.lastFailure?.message
    tracker.pollErrorAt = follower.lastFailureAt
    tracker.lastSeenAt = follower.lastAnswerAt ?? tracker.lastSeenAt
    if let journal = followed.step.journal { tracker.entry = journal }
    state.jobs[index] = tracker
    let name = tracker.serverName
    var effects: [Effect] = followed.step.journal.map { [.recordJob($0)] } ?? []
    for change in followed.step.changes {
        switch change {
        case let .jobStatus(job) where job.status == .success:
            // The job is done but the server is still being rebuilt: the follower reads it now.
            state.flash = Flash(.info, "Reinstall job of \(name) succeeded; waiting for the server to finish booting…")
        case let .serverStatus(server):
            if state.servers.catalog.index(of: server.id) != nil {
                state.servers.catalog.upsert([server], context: ServerRowContext(state))
            }
        case let .jobLost(error):
            state.jobs[index].lost = "the cloud does not know this job id (\(error.code ?? "no code"))"
                + (follower.serverId == nil ? "" : "; following the server")
            state.flash = Flash(.error, "Job of \(name) lost by the cloud: "
                + (follower.serverId == nil ? "check the server's status in the list" : "following the server instead"))
        case let .finished(outcome):
            state.jobs[index].outcome = outcome
            if case .lost = outcome { state.jobs[index].lost = outcome.message }
            let flash: Flash
            switch outcome {
            case .succeeded:
                flash = Flash(.info, "Reinstall of \(name) done (\(follower.server?.statusText ?? "no server")): "
                    + "the key or password is injected a few minutes after boot.")
            case let .failed(job):
                flash = Flash(.error, "Reinstall of \(name) failed: \(JobFailure.describe(job))")
            case .lost, .serverGone:
                flash = Flash(.error, "Reinstall of \(name): \(outcome.message)")
            }
            finish(&state, index, flash)
            effects += refreshUnlessTyping(&state)
            // Done for the cloud; for the operator once they can log in: the readiness check starts.
            if case let .succeeded(_, last) = outcome, let server = last ?? follower.server, state.jobs[index].login == nil {
                effects += startLoginCheck(&state, jobId: followed.jobId, server: server)
            }
        case let .halted(error):
            state.jobs[index].stopped = error.message
            let region = state.scopeLabels[state.jobs[index].entry.scope] ?? state.jobs[index].entry.region ?? "its region"
            state.flash = Flash(.error, "Job of \(name) is no longer followed: \(error.message) "
                + "A later start resumes it from the journal once it shows \(region).")
        case .jobStatus, .readFailed:
            break
        }
    }
    return effects
}

/// Marks a tracker finished: it stops counting time, joins the history, and the operator hears of it.
private func finish(_ state: inout AppState, _ index: Int, _ flash: Flash) {
    state.jobs[index].finishedAt = state.now
    state.flash = flash
    if state.bellEnabled { state.bells += 1 }
    let entry = state.jobs[index].entry
    state.history.removeAll { $0.jobId == entry.jobId }
    state.history.append(entry)
}
