import Foundation
import HuaweiCloud
import Reinstall

/// Follows one job to its end for `--wait`, at the TUI poller's pace (`PollSchedule`: about every
/// 2 s in the first minute, then slower; backing off on errors), printing each change to stderr.
/// When a journal entry is given, it is brought up to date as the TUI's poller does.
struct JobWaiter: Sendable {
    var client: CloudClient
    var journal: JobJournal?
    var schedule = PollSchedule()

    enum Ending: Sendable {
        case finished(Job)
        /// The cloud no longer knows the job id.
        case lost(CloudError)
    }

    /// Polls until the job is SUCCESS or FAIL (or unknown to the cloud). Authentication failures
    /// end the wait at once (they will not heal); other failures are retried with backoff.
    /// With `serverFollows`, a SUCCESS is not yet the end in the journal, as in the TUI: the entry is
    /// finished by `followServer` once the server has booted, so a run killed meanwhile is resumed.
    func waitForJob(
        id: String, entry: JournalEntry?, since start: Date = Date(), serverFollows: Bool = false
    ) async throws -> Ending {
        var entry = entry
        var last: Job.Status?
        var failures = 0
        while true {
            let wait: Duration
            do {
                let job = try await client.job(id: id)
                failures = 0
                if job.status != last {
                    Console.error("job \(id.shown): \(job.status.rawValue.shown)" + Self.reason(job))
                    last = job.status
                    if var current = entry {
                        current.lastStatus = job.status.rawValue
                        current.updatedAt = Date()
                        current.errorCode = job.failureCode
                        current.failReason = job.failReason ?? job.entities?.subJobs?.first?.failReason
                        if job.status == .fail || (job.status.isFinished && !serverFollows) { current.finishedAt = Date() }
                        record(current)
                        entry = current
                    }
                }
                if job.status.isFinished { return .finished(job) }
                wait = schedule.interval(age: Date().timeIntervalSince(start), random: Double.random(in: 0...1))
            } catch let error as CloudError {
                if PollSchedule.isLost(error) {
                    if var current = entry {
                        current.lastStatus = JournalEntry.lost
                        current.updatedAt = Date()
                        current.finishedAt = Date()
                        record(current)
                    }
                    return .lost(error)
                }
                if ScriptExit.code(for: error) == ScriptExit.authentication { throw error }
                failures += 1
                Console.error("job \(id): poll failed, retrying: \(error.message)")
                wait = schedule.backoff(failures: failures, throttled: PollSchedule.isThrottling(error),
                                        retryAfter: nil, random: Double.random(in: 0...1))
            }
            try await Task.sleep(for: wait)
        }
    }

    /// After a successful job, follows the server until it leaves REBUILD (and has no task),
    /// printing its status changes to stderr, then marks the journal `entry` finished. Returns the
    /// last server seen.
    func followServer(id: String, entry: JournalEntry?, since start: Date = Date()) async throws -> Server? {
        var lastState: String?
        var failures = 0
        var server: Server?
        while true {
            let wait: Duration
            do {
                let current = try await client.showServer(id: id)
                server = current
                failures = 0
                let state = current.statusText
                if state != lastState {
                    Console.error("server \(current.name.shown): \(state.shown)")
                    lastState = state
                }
                if current.hasSettledAfterReinstall {
                    if var finished = entry {
                        finished.lastStatus = Job.Status.success.rawValue
                        finished.updatedAt = Date()
                        finished.finishedAt = finished.updatedAt
                        record(finished)
                    }
                    return server
                }
                wait = schedule.interval(age: Date().timeIntervalSince(start), random: Double.random(in: 0...1))
            } catch let error as CloudError {
                if ScriptExit.code(for: error) == ScriptExit.authentication { throw error }
                failures += 1
                Console.error("server \(id): read failed, retrying: \(error.message)")
                wait = schedule.backoff(failures: failures, throttled: PollSchedule.isThrottling(error),
                                        retryAfter: nil, random: Double.random(in: 0...1))
            }
            try await Task.sleep(for: wait)
        }
    }

    private func record(_ entry: JournalEntry) {
        guard let journal else { return }
        do {
            if let movedAside = try journal.record(entry) { Console.error("warning: \(movedAside.message)") }
        } catch {
            Console.error("warning: " + JournalMessages.notUpdated(jobId: entry.jobId, error))
        }
    }

    /// ": Ecs.xxxx reason" for a failed job, with the hint for its code.
    static func reason(_ job: Job) -> String {
        guard job.status == .fail else { return "" }
        let code = job.failureCode
        let why = job.failureReason
        var text = [code, why].compactMap { $0?.shown }.joined(separator: " ")
        if let code, let hint = CloudError.hint(forCode: code) { text += (text.isEmpty ? "" : ". ") + hint }
        return text.isEmpty ? "" : ": " + text
    }
}
