import Foundation
import HuaweiCloud
import Reinstall

@testable import App

/// Plays the poller for reducer tests: one follower per job, started from the tracker's journal
/// entry, fed the answers a test gives at the state's time, with what it made of each reduced.
struct FollowDriver {
    private var followers: [String: JobFollower] = [:]

    mutating func answer(_ state: inout AppState, _ jobId: String, _ answer: JobFollower.Answer) -> [Effect] {
        var follower = followers[jobId]
            ?? state.jobs.first { $0.jobId == jobId }.map { JobFollower(resuming: $0.entry, now: state.now) }
            ?? JobFollower(jobId: jobId, serverId: nil, submittedAt: state.now, now: state.now)
        let step = follower.receive(answer, now: state.now, random: 0.5)
        followers[jobId] = follower
        return reduce(&state, .jobFollowed(JobFollowed(follower: follower, step: step)))
    }

    mutating func job(_ state: inout AppState, _ job: Job) -> [Effect] {
        answer(&state, job.jobId, .job(job))
    }
}
