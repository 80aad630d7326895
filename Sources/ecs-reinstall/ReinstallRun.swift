import App
import Foundation
import HuaweiCloud
import Reinstall

/// The steps of `reinstall`, in the UI's order: find the server, pre-flight, decide the endpoint,
/// check the login, plan, confirm, send once, journal, then (with --wait) follow the job.
struct ReinstallRun: Sendable {
    var serverText: String
    var keypair: String?
    var password: Secret?
    var userId: String?
    var options: ReinstallOptions
    var stop: Bool
    var cloudInit: ReinstallCommand.CloudInit
    var dryRun: Bool
    var yes: Bool
    var wait: Bool
    var json: Bool

    func perform(_ session: CloudSession) async throws -> Int32 {
        var password = password
        defer { password?.wipe() }
        let client = session.client
        let server = try await ServerResolver.resolve(serverText, client: client)
        try preflight(server)

        let decision = try await decide(server, client: client)
        if decision.mustAsk {
            throw CommandFailure("The image gives no evidence of Cloud-Init (\(decision.reason)): choose the endpoint "
                + "with --cloud-init yes (v2) or --cloud-init no (v1).")
        }
        Console.error("endpoint: \(decision.api.rawValue) (\(decision.reason))")

        let login: LoginMethod
        var userId = userId
        if let keypair {
            guard ReinstallPlan.loginChoices(server: server, api: decision.api).keypairAllowed else {
                throw CommandFailure(PlanError.windowsWithoutCloudInitNeedsPassword.message)
            }
            let pairs = try await client.keypairs()
            guard pairs.contains(where: { $0.name == keypair }) else {
                let names = pairs.map(\.name.shown).joined(separator: ", ")
                throw CommandFailure("The key pair '\(keypair.shown)' does not exist in this region"
                    + (names.isEmpty ? "; create one, or use --password-stdin." : " (there are: \(names))."))
            }
            if userId == nil { userId = try await client.userId() }
            login = .keypair(name: keypair)
        } else if let secret = password {
            let text = secret.reveal()
            let failing = PasswordPolicy.evaluate(password: text, confirmation: text, os: TargetOS(server: server))
                .filter { !$0.passed }
            guard failing.isEmpty else {
                throw CommandFailure("The password does not meet the rules:\n"
                    + failing.map { "  ✗ \($0.label)" }.joined(separator: "\n"))
            }
            login = .password(secret)
        } else {
            throw CommandFailure("Give exactly one login: --keypair NAME or --password-stdin.", code: ScriptExit.usage)
        }

        var plan: ReinstallPlan
        do {
            plan = try ReinstallPlan.make(server: server, api: decision.api, login: login, userId: userId,
                                          withStopServer: stop && server.isRunning, options: options)
        } catch {
            throw CommandFailure(error.message)
        }
        defer { plan.request.adminPass?.wipe() }

        if dryRun {
            try DryRun.print(plan, client: client, json: json)
            return ScriptExit.done
        }
        try confirm(server)
        return try await send(plan, session: session)
    }

    /// The UI's pre-flight, plus what the form's "stop first" box asks of a running server.
    private func preflight(_ server: Server) throws(CommandFailure) {
        switch ReinstallPreflight.check(server) {
        case .clear: break
        case let .warning(text): Console.error("warning: \(text)")
        case let .blocked(text): throw CommandFailure(text)
        }
        if server.isRunning && !stop {
            throw CommandFailure("\(server.name.shown) is running (ACTIVE): pass --stop to stop it first (mode withStopServer), "
                + "or stop it yourself.")
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
        switch TerminalConfirmation.ask(serverName: server.name, question: question) {
        case .confirmed:
            return
        case .declined:
            throw CommandFailure("Not confirmed: the name typed was not \(server.name.shown). Nothing was sent.")
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
        let result = await submission.submit(plan)
        let outcome: ReinstallOutcome
        let entry: JournalEntry
        let journaled: Bool
        switch result {
        case let .refused(reason, _):
            Console.error("error: \(reason)")
            if json {
                var report = ReinstallReport(outcome: .notStarted(cause: .configuration(reason)), serverId: plan.serverId,
                                             serverName: plan.serverName, api: plan.api)
                report.message = reason
                try Console.json(report)
            }
            return ScriptExit.refused
        case let .judged(judged):
            let report = ReinstallReport(outcome: judged, serverId: plan.serverId, serverName: plan.serverName, api: plan.api)
            Console.error("error: \(judged.message)")
            if json { try Console.json(report) }
            if case let .notStarted(cause) = judged { return ScriptExit.code(for: cause) }
            return ScriptExit.uncertain
        case let .accepted(accepted, write):
            outcome = .accepted(jobId: accepted.jobId)
            entry = accepted
            journaled = write.isWritten
            if let notice = write.notice { Console.error("warning: \(notice)") }
        }
        let jobId = entry.jobId
        var report = ReinstallReport(outcome: outcome, serverId: plan.serverId, serverName: plan.serverName, api: plan.api)
        Console.error(outcome.message)
        if !json { Console.out(jobId) }
        guard wait else {
            if json { try Console.json(report) }
            return ScriptExit.done
        }

        let waiter = JobWaiter(client: client, journal: journaled ? journal : nil)
        let status: Int32
        switch try await waiter.waitForJob(id: jobId, entry: entry, since: entry.submittedAt, serverFollows: true) {
        case let .lost(error):
            report.status = JournalEntry.lost
            report.message = "The cloud no longer knows job \(jobId) (\(error.code ?? "no code")); check the server's status."
            Console.error("error: \(report.message)")
            status = ScriptExit.refused
        case let .finished(job):
            let summary = JobSummary(job)
            report.status = summary.status
            report.errorCode = summary.errorCode
            report.failReason = summary.failReason
            if job.status == .success {
                let server = try await waiter.followServer(id: plan.serverId, entry: entry, since: entry.submittedAt)
                report.serverStatus = server?.status
                report.message = "The reinstall of \(plan.serverName.shown) succeeded; the "
                    + (plan.request.adminPass == nil ? "key" : "password")
                    + " is injected a few minutes after the first boot."
                Console.error(report.message)
                status = ScriptExit.done
            } else {
                report.message = "The reinstall of \(plan.serverName.shown) failed\(JobWaiter.reason(job))."
                Console.error("error: \(report.message)")
                status = ScriptExit.refused
            }
        }
        if json { try Console.json(report) }
        return status
    }
}
