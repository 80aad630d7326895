import Foundation
import HuaweiCloud

/// How following a job ended, with the one sentence the pane, the history, the journal and the
/// commands all use.
public enum FollowOutcome: Sendable, Equatable {
    /// The job succeeded and the server left REBUILD (nil when the job named no server to follow).
    case succeeded(Job?, server: Server?)
    case failed(Job)
    /// The cloud forgot the job id; `server` is the server once it left REBUILD (nil when no
    /// server was known to follow), `sawReinstall` whether the server was seen rebuilding (when it
    /// was not, following went on for `JobFollower.reinstallStartWindow` after the submission).
    case lost(CloudError, server: Server?, sawReinstall: Bool)
    /// The server was deleted while it was followed.
    case serverGone(Job?, lost: CloudError?, CloudError)

    public var isSuccess: Bool {
        if case .succeeded = self { return true }
        return false
    }

    /// The journal's status for it.
    public var journalStatus: JournalStatus {
        switch self {
        case .succeeded: return .job(.success)
        case .failed: return .job(.fail)
        case .lost: return .lost
        case let .serverGone(job, lost, _): return lost != nil ? .lost : job.map { JournalStatus.job($0.status) } ?? .lost
        }
    }

    /// The failure's code: the job's own or its sub-job's, or the cloud's answer that ended it.
    public var errorCode: String? {
        switch self {
        case .succeeded: return nil
        case let .failed(job): return job.failureCode
        case let .lost(error, _, _): return error.code
        case let .serverGone(_, lost, error): return lost?.code ?? error.code
        }
    }

    /// Why it did not simply succeed, as the journal and `--json` keep it.
    public var failReason: String? {
        switch self {
        case .succeeded: return nil
        case let .failed(job): return job.failureReason
        case .lost, .serverGone: return message
        }
    }

    /// One sentence on how it ended.
    public var message: String {
        switch self {
        case let .succeeded(_, server):
            let status = server.map { " and is \($0.statusText)" } ?? ""
            return "the job succeeded; the server left REBUILD\(status)"
        case let .failed(job):
            return "the job failed: " + JobFailure.describe(job)
        case let .lost(_, server, sawReinstall):
            guard let server else { return "job lost by the cloud; no server to follow, check the server's status" }
            return sawReinstall
                ? "job lost by the cloud; the server left REBUILD and is \(server.statusText)"
                : "job lost by the cloud; the reinstall was never seen starting (the server is "
                    + "\(server.statusText)): check the server before sending it again"
        case let .serverGone(_, lost, _):
            return (lost != nil ? "job lost by the cloud; " : "") + "the server no longer exists"
        }
    }

    /// The journal's reason while a lost job's server is still followed.
    static let lostWhileFollowing = "job lost by the cloud; following the server until it leaves REBUILD"
}

/// The failure of a job in words, from one place: its code and reason (the sub-job's when the
/// job has none) and the hint for the code.
public enum JobFailure {
    /// `Ecs.1002: reason — sub-job message. hint`, or `no error code: no reason given`.
    public static func describe(_ job: Job) -> String {
        let reason = job.failureReason
        var text = codeAndReason(code: job.failureCode ?? "no error code", reason: reason ?? "no reason given")
        if let message = job.entities?.subJobs?.compactMap(\.errorcodeMessage).first, message != reason {
            text += " — \(message)"
        }
        if let hint = job.failureCode.flatMap(CloudError.hint(forCode:)) { text += ". \(hint)" }
        return text
    }

    /// `Ecs.1002: reason`, the code said once: the cloud starts some reasons with their code.
    public static func codeAndReason(code: String, reason: String) -> String {
        var rest = Substring(reason)
        if rest.hasPrefix(code) {
            rest = rest.dropFirst(code.count)
            rest = rest.drop { $0 == ":" || $0 == " " }
        }
        return rest.isEmpty ? code : "\(code): \(rest)"
    }
}
