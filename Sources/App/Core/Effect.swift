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
    /// Reads an image (or the key pairs) for the scope named `scope` (its journal name): the
    /// answer carries it back, so one that comes after a switch is not taken for the new scope's.
    case loadImage(id: String, scope: String)
    case loadKeypairs(scope: String)
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
    /// Probe the login port of a job's server until it answers or the bound passes, each attempt
    /// told as `.loginProbed`, then report it (`.loginReported`). A newer one for the job replaces it.
    case probeLogin(jobId: String, check: Int, LoginTarget, ReadinessSettings)
    /// Ends the job's login check, probe or report: the job was dismissed, its server is being
    /// reinstalled again, or `a` moved it to an address that is not probed.
    case stopLoginProbe(jobId: String)
    /// Read the known_hosts entries for the target again (after a removal), in `file` (nil:
    /// `~/.ssh/known_hosts`).
    case readKnownHosts(jobId: String, LoginTarget, file: URL?)
    /// `ssh-keygen -R` for the entries found (the operator said yes).
    case removeHostKeys(jobId: String, KnownHosts.Findings)

    /// Effects with the same key replace each other: a newer list load cancels the older one.
    package var key: String {
        switch self {
        case .listServers: return "servers"
        case let .checkServer(id): return "check:\(id)"
        case .scheduleListRefresh: return "list-refresh"
        case .scheduleListRetry: return "list-retry"
        case let .loadImage(id, _): return "image:\(id)"
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
        case let .probeLogin(jobId, _, _, _), let .stopLoginProbe(jobId): return "login:\(jobId)"
        case let .readKnownHosts(jobId, _, _): return "known-hosts:\(jobId)"
        case let .removeHostKeys(jobId, _): return "known-hosts-removal:\(jobId)"
        }
    }

    /// Timers and watches: work that waits on time, not on an answer, and may never end while a
    /// job runs. Waiting for the app to settle does not wait for these (as lazygit's tests leave
    /// background work out of "busy").
    package var isBackground: Bool {
        switch self {
        // The readiness probe (and its report's key scan) waits on a server that may never answer:
        // it never holds anything else up.
        case .scheduleListRefresh, .scheduleListRetry, .scheduleTick, .watchSubmittedServer, .watchJob,
             .probeLogin, .stopLoginProbe: true
        case .listServers, .checkServer, .loadImage, .loadKeypairs, .loadUserId, .submitReinstall, .recordJob,
             .readUserData, .completeUserDataPath, .loadScopes, .useScope, .rememberScope, .readKnownHosts,
             .removeHostKeys: false
        }
    }
}
