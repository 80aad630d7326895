import ArgumentParser
import Foundation
import HuaweiCloud
import Reinstall

/// `ecs-reinstall job JOB_ID`: a job's status, or (with --wait) its end.
struct JobCommand: AsyncParsableCommand, ConnectedCommand {
    static let configuration = CommandConfiguration(
        commandName: "job", abstract: "Show a job's status; with --wait, follow it until SUCCESS or FAIL.",
        discussion: """
            Prints the status (INIT, RUNNING, SUCCESS, FAIL, …) on stdout, or with --json \
            {"job_id", "job_type", "status", "server_id", "begin_time", "end_time", "error_code", \
            "fail_reason", "login", "demo", "credentials"}. --wait follows it like the UI (about every 2 s at first, then slower): the job \
            to SUCCESS or FAIL, then its server until it leaves REBUILD (also when the cloud forgot \
            the job id), printing each change on stderr and updating the job journal when the job is \
            in it. Exits 1 when the job failed or the cloud does not know it. --wait-login (which implies \
            --wait) then probes the server's login port as `reinstall --wait-login` does (see its help), \
            adding "login" to the JSON (null without it); exits 6 when the port did not answer from here.

            \(ScriptExit.table)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The job id, as `reinstall` printed it.")
    var jobId: String

    @Flag(help: "Wait until the job is SUCCESS or FAIL.")
    var wait = false

    @OptionGroup(title: "Ready to log in") var login: LoginOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (jobId, wait, json, login) = (jobId, wait || login.waitLogin, json, login)
        let interruption = wait ? try WaitInterruption.install(.followJob(id: jobId), scope: connection.commandScope) : nil
        try await runScript(connection) { session in
            let job: Job
            var readiness: LoginReport?
            if wait {
                let environment = ProcessInfo.processInfo.environment
                let journal = JobJournal(file: JobJournal.defaultFile(environment: environment))
                let entry = journaledEntry(journal, jobId: jobId, scope: session.journalScope)
                let waiter = JobWaiter(client: session.client, journal: entry == nil ? nil : journal)
                let start = entry.map { JobFollower(resuming: $0, now: Date()) }
                    ?? JobFollower(jobId: jobId, serverId: nil, submittedAt: Date(), now: Date())
                guard let end = try await waiter.follow(start, interruption: interruption) else {
                    Console.error(WaitInterruption.stillRunning(jobId: jobId, serverName: entry?.serverName,
                                                                scope: connection.commandScope))
                    return 128 + (interruption?.signal ?? SIGINT)
                }
                if let lost = end.lostBecause {
                    throw CommandFailure("The cloud does not know job \(jobId.shown) (\(lost.code ?? "no code")): "
                        + (end.outcome?.message ?? lost.message))
                }
                if let finished = end.job {
                    job = finished
                } else {
                    job = try await session.client.job(id: jobId)  // resumed after the job had succeeded
                }
                if login.waitLogin, case let .succeeded(_, server) = end.outcome {
                    switch await LoginWaiter(settings: await login.settings(for: session)).check(server, interruption: interruption) {
                    case let .report(found):
                        readiness = found
                    case let .interrupted(signal):
                        Console.error("Interrupted while probing the login port; job \(jobId.shown) had succeeded.")
                        // As reinstall does: the job's JSON all the same, its login null.
                        if json { try Console.json(Stamped(JobResult(summary: JobSummary(job), login: nil), SessionStamp(session))) }
                        return 128 + signal
                    }
                }
            } else {
                job = try await session.client.job(id: jobId)
            }
            if json {
                try Console.json(Stamped(JobResult(summary: JobSummary(job), login: readiness), SessionStamp(session)))
            } else {
                Console.out(job.status.rawValue.shown)
                let reason = JobWaiter.reason(job)
                if !reason.isEmpty { Console.error("job \(jobId.shown)\(reason)") }
            }
            if job.status == .fail { return ScriptExit.refused }
            if let readiness, !readiness.readiness.isReady { return ScriptExit.notReachable }
            return ScriptExit.done
        }
    }
}

/// `job --json`: the job as `JobSummary` has it, and the `--wait-login` report (null without it).
private struct JobResult: Encodable, Sendable {
    var summary: JobSummary
    var login: LoginReport?

    private enum Keys: String, CodingKey { case login }

    func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(login, forKey: .login)
    }
}

/// The journal's entry for the job, if it has one; a damaged or unreadable journal is reported
/// on stderr in the TUI's words.
private func journaledEntry(_ journal: JobJournal, jobId: String, scope: String) -> JournalEntry? {
    do {
        let contents = try journal.load()
        if let movedAside = contents.movedAside { Console.error("warning: \(movedAside.message)") }
        return contents.entries.first { $0.jobId == jobId && $0.scope == scope }
    } catch {
        Console.error("warning: " + JournalMessages.notLoaded(error))
        return nil
    }
}
