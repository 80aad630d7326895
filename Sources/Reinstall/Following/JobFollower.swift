import Foundation
import HuaweiCloud

/// One reinstall job followed to its end, as a pure state machine: the TUI's poller and the
/// commands' `--wait` feed it the answers of the reads it asks for, with the time, and do what it
/// says next. It reads the job until SUCCESS or FAIL, then the server until it leaves REBUILD.
/// A job id the cloud forgets is not the end: the server is still followed, and the outcome says
/// so. Each change worth keeping comes with the journal entry to write.
public struct JobFollower: Sendable, Equatable {
    /// The read that is due.
    public enum Read: Sendable, Equatable {
        /// `GET /v1/{project_id}/jobs/{job_id}`.
        case job(id: String)
        /// `GET /v1/{project_id}/cloudservers/{server_id}`.
        case server(id: String)
    }

    /// A read and when it is due: `after` the answer that scheduled it, at `at`.
    public struct Due: Sendable, Equatable {
        public var read: Read
        public var after: Duration
        public var at: Date
    }

    public enum Stage: Sendable, Equatable {
        /// Reading the job until SUCCESS or FAIL.
        case job
        /// The job succeeded, or the cloud forgot it: reading the server until it leaves REBUILD.
        case server(jobLost: Bool)
        case finished(FollowOutcome)
        /// The cloud refused the keys: following stops here, unfinished (a restart resumes it).
        case halted(CloudError)
    }

    /// What a driver hands back: the answer to the read that was due.
    public enum Answer: Sendable, Equatable {
        case job(Job)
        case server(Server)
        /// The read failed; `retryAfter` is the answer's `Retry-After`, when it had one.
        case failed(CloudError, retryAfter: Duration? = nil)
    }

    /// What an answer changed, for the driver to show.
    public enum Change: Sendable, Equatable {
        /// The job's status changed (the first answer counts as a change).
        case jobStatus(Job)
        /// The server's status or task state changed.
        case serverStatus(Server)
        /// The read failed; the same read is due again in `retryIn`.
        case readFailed(CloudError, retryIn: Duration)
        /// The cloud does not know the job id; the server is followed now (when it is known).
        case jobLost(CloudError)
        case finished(FollowOutcome)
        case halted(CloudError)
    }

    /// The result of one answer.
    public struct Step: Sendable, Equatable {
        public var changes: [Change] = []
        /// The entry to write to the journal, when the answer changed what it keeps.
        public var journal: JournalEntry?
        /// The next read, or nil when following has ended.
        public var next: Due?
    }

    public let jobId: String
    public private(set) var serverId: String?
    public let submittedAt: Date
    public private(set) var stage: Stage
    public private(set) var job: Job?
    public private(set) var server: Server?
    /// Why the job is lost, once the cloud forgot it.
    public private(set) var lostBecause: CloudError?
    /// Whether the reinstall was seen under way on the server: REBUILD, or a rebuild task. A job
    /// that answered before the cloud forgot it does not count: INIT or RUNNING says nothing of
    /// whether the server has started rebuilding.
    public private(set) var sawReinstall = false
    /// Failed reads in a row, and the last one with its time.
    public private(set) var failures = 0
    public private(set) var lastFailure: CloudError?
    public private(set) var lastFailureAt: Date?
    public private(set) var lastAnswerAt: Date?
    public private(set) var next: Due?
    /// The journal's entry for the job, kept up to date; nil when the job is not journaled.
    public private(set) var entry: JournalEntry?
    public var schedule: PollSchedule

    /// How long after the submission a lost job's server may show no sign of the reinstall (not
    /// REBUILD, no task) and still be followed. The cloud can take minutes to start a rebuild (a
    /// stop to finish first, a busy compute service), and until it has started, a server that
    /// reads SHUTOFF or ACTIVE has not been reinstalled: ending there would finish the journal
    /// entry and let a second reinstall through. After this long with nothing seen, following
    /// ends as lost and the outcome says the reinstall was never seen starting.
    public static let reinstallStartWindow: TimeInterval = 10 * 60

    /// Follows a job from its submission (or from what `job --wait` is given): the job read is due
    /// at `now`. Without `serverId` the server is learned from the job's `entities.server_id`.
    public init(jobId: String, serverId: String?, submittedAt: Date, entry: JournalEntry? = nil,
                schedule: PollSchedule = PollSchedule(), now: Date) {
        self.jobId = jobId
        self.serverId = serverId
        self.submittedAt = submittedAt
        self.entry = entry
        self.schedule = schedule
        stage = .job
        next = Due(read: .job(id: jobId), after: .zero, at: now)
    }

    /// Resumes a journaled job where the journal left it: a job that succeeded, or was lost, is
    /// followed by its server; anything else by the job first.
    public init(resuming entry: JournalEntry, schedule: PollSchedule = PollSchedule(), now: Date) {
        self.init(jobId: entry.jobId, serverId: entry.serverId, submittedAt: entry.submittedAt, entry: entry,
                  schedule: schedule, now: now)
        switch entry.status {
        case .job(.success):
            stage = .server(jobLost: false)
            next = Due(read: .server(id: entry.serverId), after: .zero, at: now)
        case .lost:
            stage = .server(jobLost: true)
            lostBecause = .api(status: 404, code: entry.errorCode ?? "Common.0011",
                               message: entry.failReason ?? "job not found", requestId: nil)
            next = Due(read: .server(id: entry.serverId), after: .zero, at: now)
        default:
            break
        }
    }

    public var isFinished: Bool {
        if case .finished = stage { return true }
        return false
    }

    public var outcome: FollowOutcome? {
        if case let .finished(outcome) = stage { return outcome }
        return nil
    }

    /// Takes the answer to the read that was due, at `now`; `random` (0…1) jitters the next wait.
    /// An answer to a read that is not due (a job answer while the server is followed, anything
    /// after the end) changes nothing.
    public mutating func receive(_ answer: Answer, now: Date, random: Double) -> Step {
        guard let due = next else { return Step() }
        var step = Step()
        switch (answer, due.read) {
        case let (.job(job), .job):
            jobAnswered(job, now: now, random: random, into: &step)
        case let (.server(server), .server):
            serverAnswered(server, now: now, random: random, into: &step)
        case let (.failed(error, retryAfter), read):
            failed(error, retryAfter: retryAfter, read: read, now: now, random: random, into: &step)
        default:
            return Step(next: next)
        }
        step.next = next
        return step
    }

    // MARK: Answers

    private mutating func jobAnswered(_ job: Job, now: Date, random: Double, into step: inout Step) {
        answered(now)
        if serverId == nil, let id = job.entities?.serverId, !id.isEmpty { serverId = id }
        let changed = job.status != self.job?.status
        self.job = job
        if changed {
            step.changes.append(.jobStatus(job))
            journal(now, into: &step) {
                $0.status = .job(job.status)
                $0.errorCode = job.failureCode
                $0.failReason = job.failureReason
            }
        }
        switch job.status {
        case .fail:
            finish(.failed(job), now: now, into: &step)
        case .success:
            guard let serverId else {
                finish(.succeeded(job, server: nil), now: now, into: &step)
                return
            }
            stage = .server(jobLost: false)
            scheduleRead(.server(id: serverId), now: now, random: random)
        default:
            scheduleRead(.job(id: jobId), now: now, random: random)
        }
    }

    private mutating func serverAnswered(_ server: Server, now: Date, random: Double, into step: inout Step) {
        answered(now)
        if server.statusText != self.server?.statusText { step.changes.append(.serverStatus(server)) }
        self.server = server
        if server.showsReinstallUnderWay { sawReinstall = true }
        guard server.hasSettledAfterReinstall else {
            scheduleRead(.server(id: server.id), now: now, random: random)
            return
        }
        if let lostBecause {
            if !sawReinstall, now.timeIntervalSince(submittedAt) < Self.reinstallStartWindow {
                // Not started yet, perhaps: keep following, the entry unfinished.
                scheduleRead(.server(id: server.id), now: now, random: random)
                return
            }
            finish(.lost(lostBecause, server: server, sawReinstall: sawReinstall), now: now, into: &step)
        } else {
            finish(.succeeded(job, server: server), now: now, into: &step)
        }
    }

    private mutating func failed(
        _ error: CloudError, retryAfter: Duration?, read: Read, now: Date, random: Double, into step: inout Step
    ) {
        if case .job = read, PollSchedule.isLost(error) {
            answered(now)
            lostBecause = error
            step.changes.append(.jobLost(error))
            guard let serverId else {
                finish(.lost(error, server: nil, sawReinstall: false), now: now, into: &step)
                return
            }
            stage = .server(jobLost: true)
            journal(now, into: &step) {
                $0.status = .lost
                $0.errorCode = error.code
                $0.failReason = FollowOutcome.lostWhileFollowing
            }
            next = Due(read: .server(id: serverId), after: .zero, at: now)
            return
        }
        if case .server = read, error.isNotFound {
            answered(now)
            finish(.serverGone(job, lost: lostBecause, error), now: now, into: &step)
            return
        }
        if error.isAuthenticationRefusal {
            stage = .halted(error)
            next = nil
            lastFailure = error
            lastFailureAt = now
            step.changes.append(.halted(error))
            return
        }
        failures += 1
        lastFailure = error
        lastFailureAt = now
        let wait = schedule.backoff(failures: failures, throttled: error.isThrottling, retryAfter: retryAfter,
                                    random: random)
        step.changes.append(.readFailed(error, retryIn: wait))
        next = Due(read: read, after: wait, at: now.addingTimeInterval(wait.timeInterval))
    }

    // MARK: Plumbing

    private mutating func answered(_ now: Date) {
        failures = 0
        lastFailure = nil
        lastFailureAt = nil
        lastAnswerAt = now
    }

    private mutating func scheduleRead(_ read: Read, now: Date, random: Double) {
        let wait = schedule.interval(age: now.timeIntervalSince(submittedAt), random: random)
        next = Due(read: read, after: wait, at: now.addingTimeInterval(wait.timeInterval))
    }

    private mutating func finish(_ outcome: FollowOutcome, now: Date, into step: inout Step) {
        stage = .finished(outcome)
        next = nil
        step.changes.append(.finished(outcome))
        journal(now, into: &step) {
            $0.status = outcome.journalStatus
            $0.errorCode = outcome.errorCode
            $0.failReason = outcome.failReason
            $0.finishedAt = now
        }
    }

    private mutating func journal(_ now: Date, into step: inout Step, _ change: (inout JournalEntry) -> Void) {
        guard var current = entry else { return }
        change(&current)
        current.updatedAt = now
        entry = current
        step.journal = current
    }
}
