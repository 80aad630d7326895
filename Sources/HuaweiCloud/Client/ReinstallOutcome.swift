import Foundation

/// What became of a reinstall request, judged without ever sending it twice
/// (`CloudClient.reinstallSafely`).
///
/// | the POST…                                   | the server re-read after it shows…             | outcome               |
/// |---------------------------------------------|------------------------------------------------|-----------------------|
/// | was answered 2xx with a job id              | (not read)                                     | `accepted`            |
/// | failed, and may have reached the cloud      | `REBUILD` or a `rebuild*` task_state (new)     | `startedWithoutJobId` |
/// | was refused naming the state or another job | (anything: the other job explains it)          | `notStarted`          |
/// |   (`Ecs.0603`, `Ecs.0100`, `Ecs.0605`, …)    |                                                |                       |
/// | provably did not start: never left this     | same status as before, task_state null         | `notStarted`          |
/// |   machine (refused connection, DNS, TLS,    |                                                |                       |
/// |   bad endpoint) or refused with a 4xx /     |                                                |                       |
/// |   `Common.0024`                              |                                                |                       |
/// | never left this machine                     | (could not be read)                            | `notStarted`          |
/// | anything else: timeout, lost connection,    | anything else, or could not be read            | `unknown`             |
/// |   5xx, an unreadable 2xx                     |                                                |                       |
public enum ReinstallOutcome: Sendable, Equatable {
    /// The cloud accepted the reinstall: poll the job.
    /// `requestId`: the answer's X-Request-Id, what Huawei support asks for about this submission.
    case accepted(jobId: String, requestId: String? = nil)
    /// No clear answer, but the server is being rebuilt: the reinstall started. There is no job id
    /// to poll; watch the server until it leaves `REBUILD` and its task_state is null.
    case startedWithoutJobId(server: Server, cause: CloudError)
    /// The reinstall provably did not start: fix the cause, then it is safe to send again.
    case notStarted(cause: CloudError)
    /// It may or may not have started. Do not send it again until the server shows which
    /// (`REBUILD` means it did).
    case unknown(server: Server?, cause: CloudError)

    /// Whether sending the same reinstall again is safe.
    public var isSafeToRetry: Bool {
        if case .notStarted = self { return true }
        return false
    }

    /// The job id, when the cloud gave one.
    public var jobId: String? {
        if case let .accepted(jobId, _) = self { return jobId }
        return nil
    }

    /// The accepted submission's X-Request-Id, when the answer had one.
    public var requestId: String? {
        if case let .accepted(_, requestId) = self { return requestId }
        return nil
    }

    /// The failure behind every outcome but `accepted`.
    public var cause: CloudError? {
        switch self {
        case .accepted: return nil
        case let .startedWithoutJobId(_, cause), let .notStarted(cause), let .unknown(_, cause): return cause
        }
    }

    /// What happened and what to do, for the operator.
    public var message: String {
        switch self {
        case let .accepted(jobId, _):
            return "The reinstall was accepted (job \(jobId))."
        case let .startedWithoutJobId(server, cause):
            return "The reinstall got no clear answer (\(Self.clause(cause.summary))), but the server is now "
                + "\(server.statusText): the reinstall started. Its job id is unknown, so watch the server "
                + "until it leaves REBUILD. Do not send the reinstall again."
        case let .notStarted(cause):
            return "Nothing was started: the reinstall was refused or never sent. \(Self.sentence(cause.message)) "
                + "It is safe to try again once that is fixed."
        case let .unknown(server, cause):
            let seen = server.map { " The server now shows \($0.statusText)." } ?? " The server could not be read."
            // The cause's own advice ("retry") is left out: here it would contradict what follows.
            return "It is not known whether the reinstall started: \(Self.sentence(cause.summary))\(seen) "
                + "Do not send it again yet: refresh the server in a minute; REBUILD means it started."
        }
    }

    /// The decision table above, as a pure function. `before` is the server read just before the
    /// POST; `after` the re-read after the failure (nil when it could not be read).
    static func judge(failure: CloudError, reach: CallFailure.Reach, before: Server, after: Server?) -> ReinstallOutcome {
        // Throttling on a 202 (Common.0024) is a refusal too: the gateway did not pass the request on.
        let refusedForSure = !reach.isAmbiguous || failure.code == "Common.0024"
        // The cloud answered, naming why it will not do it now (another job runs, the state does
        // not allow it): a refusal, whatever the server shows after, since that other job is
        // what the re-read sees.
        if case .answered = reach, let code = failure.code, namedRefusals.contains(code) {
            return .notStarted(cause: failure)
        }
        guard let after else {
            return reach == .notSent ? .notStarted(cause: failure) : .unknown(server: nil, cause: failure)
        }
        if !refusedForSure, after.showsReinstallUnderWay, !before.showsReinstallUnderWay {
            return .startedWithoutJobId(server: after, cause: failure)
        }
        if refusedForSure, after.status == before.status, after.taskState == nil {
            return .notStarted(cause: failure)
        }
        return .unknown(server: after, cause: failure)
    }

    /// Codes by which the cloud refuses a reinstall because of the server's state or another
    /// running operation (huawei-ecs-api.md §10.2): nothing was started, whatever the HTTP status.
    static let namedRefusals: Set<String> = ["Ecs.0603", "Ecs.0100", "Ecs.0605", "Ecs.0105"]

    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    private static func clause(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

extension Server {
    /// The server shows a reinstall under way: REBUILD, or a rebuild task (the same test that
    /// judges an unclear submission).
    public var showsReinstallUnderWay: Bool {
        status == .rebuild || (taskState?.hasPrefix("rebuild") ?? false)
    }
}
