import Foundation
import HuaweiCloud
import Reinstall

/// Work that `reduce` asks for, as a value: the effect runner performs it and answers with events.
package enum Effect: Sendable, Equatable {
    /// Lists every server, page by page (the listing numbered `generation`), from page
    /// `fromPage`: a listing that stopped part-way resumes at its failed page.
    case listServers(generation: Int, fromPage: Int = 1)
    /// Reads one server a listing missed, to learn whether it is gone.
    case checkServer(id: String)
    /// Asks for `.listRefreshDue` after the delay.
    case scheduleListRefresh(after: Duration)
    /// Asks for `.listRetryDue` after the delay: the back-off of a list that stopped loading.
    case scheduleListRetry(after: Duration)
    case loadImage(id: String)
    case loadKeypairs
    case loadUserId
    case submitReinstall(ReinstallPlan)
    /// Re-read a server after an unclear submission, after the delay.
    case watchSubmittedServer(id: String, after: Duration)
    /// Hand a journaled job to the poller, which follows it until it is finished.
    case watchJob(JournalEntry)
    /// Write the job's state to the journal.
    case recordJob(JournalEntry)
    case scheduleTick(after: Duration)
    /// Read a user data file for the form (at most a little over the 32 KB limit).
    case readUserData(path: String)
    /// List what the typed user data path can complete to (Tab on its field).
    case completeUserDataPath(String)
    /// The regions and projects the account may reach (`GET /v3/auth/projects`), for `:`.
    case loadScopes
    /// From now on, work in `scope` (journal name `journalScope`); effects asked for before keep
    /// the client they started with. Taken at once, in order, by the runner.
    case useScope(ProjectScope, journalScope: String)
    /// Keep `scope` as this account's last one, for the next start.
    case rememberScope(ProjectScope)

    /// Effects with the same key replace each other: a newer list load cancels the older one.
    package var key: String {
        switch self {
        case .listServers: return "servers"
        case let .checkServer(id): return "check:\(id)"
        case .scheduleListRefresh: return "list-refresh"
        case .scheduleListRetry: return "list-retry"
        case let .loadImage(id): return "image:\(id)"
        case .loadKeypairs: return "keypairs"
        case .loadUserId: return "userid"
        case let .submitReinstall(plan): return "submit:\(plan.serverId)"
        case let .watchSubmittedServer(id, _): return "submitted-server:\(id)"
        case let .watchJob(entry): return "watch:\(entry.jobId)"
        case let .recordJob(entry): return "journal:\(entry.jobId)"
        case .scheduleTick: return "tick"
        case .readUserData: return "userdata"
        case .completeUserDataPath: return "userdata-completion"
        case .loadScopes: return "scopes"
        case .useScope: return "use-scope"
        case .rememberScope: return "remember-scope"
        }
    }

    /// Timers and watches: work that waits on time, not on an answer, and may never end while a
    /// job runs. Waiting for the app to settle does not wait for these (as lazygit's tests leave
    /// background work out of "busy").
    package var isBackground: Bool {
        switch self {
        case .scheduleListRefresh, .scheduleListRetry, .scheduleTick, .watchSubmittedServer, .watchJob: true
        case .listServers, .checkServer, .loadImage, .loadKeypairs, .loadUserId, .submitReinstall, .recordJob,
             .readUserData, .completeUserDataPath, .loadScopes, .useScope, .rememberScope: false
        }
    }
}
