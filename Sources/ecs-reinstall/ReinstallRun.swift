import App
import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The steps of `reinstall`: find the server, decide the endpoint, read what a key pair needs, judge
/// the draft as the UI's form does, plan, confirm, send once, journal, then (with --wait) follow the job.
struct ReinstallRun: Sendable {
    var serverText: String
    var keypair: String?
    var password: Secret?
    /// Neither a key pair nor a password: the user data creates the login (v2 only).
    var noLogin: Bool
    var userId: String?
    var options: ReinstallOptions
    var stop: Bool
    var cloudInit: ReinstallCommand.CloudInit
    var dryRun: Bool
    var yes: Bool
    var wait: Bool
    /// `--wait-login`: after the wait, the readiness step, with these settings (nil: not asked).
    var login: LoginOptions?
    var json: Bool
    /// Catches Ctrl-C from the start, so that it cannot cut the POST off (nil: not caught).
    var interruption: WaitInterruption?
    /// The flags that chose the cloud, for the commands printed to follow the job.
    private var scope: CommandScope { interruption?.scope ?? CommandScope() }

    func perform(_ session: CloudSession) async throws -> Int32 {
        // The one buffer the password was read into; zeroed when the command ends.
        defer { password?.wipe() }
        var server: Server?
        let plan: ReinstallPlan
        do {
            guard let prepared = try await prepare(session, server: &server) else { return ScriptExit.done }
            plan = prepared
        } catch {
            // A refusal before sending is a result too: scripts that read stdout get one.
            if json { try Console.json(Stamped(ReinstallReport(refusal: error, server: server), SessionStamp(session))) }
            throw error
        }
        return try await send(plan, session: session)
    }

    /// Everything up to the POST: the server, the endpoint, the draft judged, the plan, the
    /// confirmation. Nil when the dry run was printed instead. `server` is set once found.
    private func prepare(_ session: CloudSession, server found: inout Server?) async throws -> ReinstallPlan? {
        let client = session.client
        let server = try await ServerResolver.resolve(serverText, client: client)
        found = server
        // Before the endpoint is decided: nothing more is read or sent for a server ECS cannot reinstall.
        if let why = ReinstallPreflight.notAnECSServer(server) { throw CommandFailure(why.shown) }
        let decision = try await decide(server, client: client)
        if !decision.mustAsk { Console.error("endpoint: \(decision.api.rawValue) (\(decision.reason))") }

        // The facts the draft needs, read as the form reads them; the rules are the draft's.
        let login: ReinstallDraft.Login
        var keypairs: DraftFact<[Keypair]> = .known([])
        var userId: DraftFact<String> = self.userId.map { .known($0) } ?? .unavailable("not looked up")
        if let keypair {
            if ReinstallPlan.loginChoices(server: server, api: decision.api).keypairAllowed {
                keypairs = .known(try await client.keypairs())
                // Optional on the wire: a lookup IAM refuses (or that fails) leaves it out.
                if userId.value == nil {
                    do {
                        userId = try await client.userIdIfKnown().map { .known($0) } ?? .unavailable("IAM does not say")
                    } catch let error as CloudError where !error.isAuthenticationRefusal {
                        Console.error("warning: the IAM user id could not be looked up: \(error.summary.shown)")
                        userId = .unavailable(error.summary)
                    }
                }
            }
            login = .keypair(name: keypair)
        } else if let secret = password {
            // Read once from stdin: the same buffer stands for its confirmation.
            login = .password(secret, confirmation: secret)
        } else if noLogin {
            login = .none
        } else {
            throw CommandFailure(Self.loginUsage, code: ScriptExit.usage)
        }
        let draft = ReinstallDraft(
            server: server, endpoint: .known(decision), login: login, keypairs: keypairs, userId: userId,
            stopFirst: stop, userData: options.userData.map { .known($0) }, cmkId: options.cmkId, byol: options.byol)

        let validation = DraftValidation(draft)
        for warning in validation.warnings { Console.error("warning: \(warning.shown)") }
        for check in validation.checks where check.status == .info { Console.error("note: \(check.label.shown)") }
        if let refusal = validation.refusal {
            for check in validation.checks where check.blocks {
                if let hint = Self.hint(check.rule) { Console.error("hint: \(hint)") }
            }
            throw CommandFailure(refusal.shown)
        }
        var plan: ReinstallPlan
        do {
            plan = try draft.plan()
        } catch {
            throw CommandFailure(error.message)
        }
        // The plan's adminPass is the same buffer as `password`, wiped above when the command ends.

        if dryRun {
            try DryRun.print(plan, client: client, json: json, stamp: SessionStamp(session))
            return nil
        }
        try confirm(server)
        return plan
    }

    static let loginUsage = "Give exactly one login: --keypair NAME, --password-stdin, or --no-login with --user-data."

    /// How to meet a rule with this command's options; the rule's own words are the form's.
    static func hint(_ rule: DraftRule) -> String? {
        switch rule {
        case .stopFirst: "pass --stop to stop it first, or stop it yourself"
        case .endpoint: "say --cloud-init yes (v2) or --cloud-init no (v1)"
        case .passwordWithUserData: "use --keypair NAME, or --no-login when the user data creates the login"
        case .userData: "drop --user-data, or say --cloud-init yes if the image has Cloud-Init"
        case .keypair: "pass an existing key pair to --keypair, or use --password-stdin"
        case .preflight, .login, .userId, .password, .cmk: nil
        }
    }

    /// `--cloud-init auto` decides from the image as the UI does; yes/no override it (v2/v1) the
    /// way the form's endpoint choice does, keeping what the image suggested in the reason.
    private func decide(_ server: Server, client: CloudClient) async throws -> EndpointDecision {
        var judged = EndpointDecision.decide(image: nil)
        if let imageId = server.imageId {
            do {
                judged = EndpointDecision.decide(image: try await client.image(id: imageId))
            } catch let error as CloudError {
                let code = ScriptExit.code(for: error)
                if code == ScriptExit.authentication { throw error }
                // A passing failure (network, 5xx, throttling) says nothing about the image: the
                // endpoint is not guessed from it; trying again later is the answer (exit 4).
                if code == ScriptExit.unavailable, cloudInit == .auto { throw error }
                Console.error("warning: the image could not be read: \(error.message)")
            }
        }
        switch cloudInit {
        case .auto: return judged
        case .yes: return judged.overridden(by: .v2)
        case .no: return judged.overridden(by: .v1)
        }
    }

    private func confirm(_ server: Server) throws(CommandFailure) {
        guard !yes else { return }
        let question = "This erases the system disk of \(server.name.shown) (\(server.id.shown)) and installs its image again."
        switch TerminalConfirmation.ask(serverName: server.name, serverId: server.id, question: question) {
        case .confirmed:
            return
        case .declined:
            throw CommandFailure("Not confirmed: what was typed was neither \(server.name.shown) nor its id. Nothing was sent.")
        case .tooLong:
            throw CommandFailure("Not confirmed: the text typed was cut at \(TerminalConfirmation.maxLength) characters, "
                + "far longer than the name \(server.name.shown). Nothing was sent.")
        case .noTerminal:
            throw CommandFailure("No terminal to confirm on: pass --yes to reinstall \(server.name.shown) without asking. Nothing was sent.")
        }
    }

    private func send(_ plan: ReinstallPlan, session: CloudSession) async throws -> Int32 {
        let client = session.client
        let environment = ProcessInfo.processInfo.environment
        let journal = JobJournal(file: JobJournal.defaultFile(environment: environment))
        // The UI's own submission step: the server re-read just before, the POST sent once, the
        // job journaled before its id is shown, an ambiguous answer judged, never resent.
        let submission = ReinstallSubmission(cloud: client, journal: journal, scope: session.journalScope)
        let result = await submission.submit(plan, steps: interruption?.submission(serverName: plan.serverName))
        let outcome: ReinstallOutcome
        let entry: JournalEntry
        let journaled: Bool
        switch result {
        case let .refused(reason, _):
            Console.error("error: \(reason)")
            if json {
                var report = ReinstallReport(outcome: .notStarted(cause: .configuration(reason)), plan: plan)
                report.message = reason
                try Console.json(Stamped(report, SessionStamp(session)))
            }
            return ScriptExit.refused
        case let .judged(judged):
            let report = ReinstallReport(outcome: judged, plan: plan)
            Console.error("error: \(judged.message)")
            if json { try Console.json(Stamped(report, SessionStamp(session))) }
            if case let .notStarted(cause) = judged { return ScriptExit.code(for: cause) }
            return ScriptExit.uncertain
        case let .accepted(accepted, write):
            outcome = .accepted(jobId: accepted.jobId, requestId: accepted.requestId)
            entry = accepted
            journaled = write.isWritten
            if let notice = write.notice { Console.error("warning: \(notice)") }
        }
        let jobId = entry.jobId
        var report = ReinstallReport(outcome: outcome, plan: plan)
        Console.error(outcome.message)
        if !json { Console.out(jobId) }
        if let signal = interruption?.signal {
            // Interrupted while the POST was on its way: the answer is in, the job is not waited for.
            Console.error(WaitInterruption.stillRunning(jobId: jobId, serverName: plan.serverName, scope: scope))
            if json { try Console.json(Stamped(report, SessionStamp(session))) }
            return 128 + signal
        }
        guard wait else {
            if json { try Console.json(Stamped(report, SessionStamp(session))) }
            return ScriptExit.done
        }

        let waiter = JobWaiter(client: client, journal: journaled ? journal : nil)
        guard let end = try await waiter.follow(JobFollower(resuming: entry, now: Date()), interruption: interruption) else {
            Console.error(WaitInterruption.stillRunning(jobId: jobId, serverName: plan.serverName, scope: scope))
            if json { try Console.json(Stamped(report, SessionStamp(session))) }
            return 128 + (interruption?.signal ?? SIGINT)
        }
        return try await finish(&report, end, plan: plan, session: session)
    }

    /// What `--wait` saw, in the report and on stderr; the exit status.
    private func finish(
        _ report: inout ReinstallReport, _ end: JobFollower, plan: ReinstallPlan, session: CloudSession
    ) async throws -> Int32 {
        let stamp = SessionStamp(session)
        var status: Int32
        let outcome = end.outcome ?? .lost(.transport("following ended early"), server: nil, sawReinstall: false)
        report.status = outcome.journalStatus.text
        report.serverStatus = end.server?.status.rawValue
        report.errorCode = outcome.errorCode
        report.failReason = outcome.failReason
        switch outcome {
        case .succeeded:
            let login = plan.request.adminPass != nil ? "the password is injected"
                : plan.request.keyName != nil ? "the key is injected" : "the user data creates the login"
            report.message = "The reinstall of \(plan.serverName.shown) succeeded; \(login) a few minutes after the first boot."
            Console.error(report.message)
            status = ScriptExit.done
            if let options = self.login {
                let waiter = LoginWaiter(settings: await options.settings(for: session))
                switch await waiter.check(end.server, interruption: interruption) {
                case let .report(found):
                    report.login = found
                    if !found.readiness.isReady { status = ScriptExit.notReachable }
                case let .interrupted(signal):
                    Console.error("Interrupted while probing the login port; the reinstall of \(plan.serverName.shown) "
                        + "had succeeded.")
                    if json { try Console.json(Stamped(report, stamp)) }
                    return 128 + signal
                }
            }
        case let .failed(job):
            report.message = "The reinstall of \(plan.serverName.shown) failed\(JobWaiter.reason(job))."
            Console.error("error: \(report.message)")
            status = ScriptExit.refused
        case .lost, .serverGone:
            report.message = "Job \(end.jobId) of \(plan.serverName.shown): " + outcome.message + "."
            Console.error("error: \(report.message)")
            status = ScriptExit.refused
        }
        if json { try Console.json(Stamped(report, stamp)) }
        return status
    }
}
