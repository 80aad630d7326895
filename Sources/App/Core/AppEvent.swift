import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Everything that can change the state: keys, the clock, and the answers of effects.
package enum AppEvent: Sendable, Equatable {
    case key(Key)
    case resized(TerminalSize)
    case tick(Date)
    /// A page of the listing numbered `generation` (pages of a replaced listing are ignored).
    case serverPage(generation: Int, ServerPage)
    case serverListingFinished(generation: Int, at: Date)
    case serverListingFailed(generation: Int, CloudError)
    /// The answer of `.checkServer`.
    case serverChecked(id: String, ServerCheck)
    /// Time for the automatic refresh that runs while jobs do.
    case listRefreshDue
    /// Time to retry a list that stopped loading at a failed page.
    case listRetryDue
    /// The answers of `.loadImage` and `.loadKeypairs`, with the scope they were asked for.
    case imageLoaded(id: String, Image?, scope: String)
    case imageFailed(id: String, CloudError, scope: String)
    case keypairsLoaded([Keypair], scope: String)
    case keypairsFailed(CloudError, scope: String)
    /// nil: IAM will not say (a refusal, temporary credentials); `userid` is optional.
    case userIdLoaded(String?)
    case userIdFailed(CloudError)
    case reinstallAccepted(jobId: String, serverId: String, serverName: String, api: ReinstallAPI, at: Date,
                           requestId: String? = nil)
    case reinstallFailed(serverId: String, String)
    /// What the poller's follower of a job made of an answer.
    case jobFollowed(JobFollowed)
    /// The reinstall may have started and no job id came back (`started`: the server already
    /// shows REBUILD). The server is watched until its status shows which.
    case reinstallUnclear(serverId: String, advice: String, started: Bool, at: Date)
    /// The answer of `.watchSubmittedServer`.
    case submittedServerRead(id: String, ServerCheck, at: Date)
    case journalFailed(String)
    /// A signal (Ctrl-C) the runtime held because a reinstall was being sent (`isSending`).
    case signalWhileSending
    /// The answer of `.readUserData`: the file's bytes, or why it could not be read.
    case userDataRead(path: String, Result<Data, UserDataReadError>)
    /// The answer of `.completeUserDataPath`: the paths the typed one can complete to.
    case userDataCompletions(typed: String, [String])
    /// The answer of `.loadScopes`.
    case scopesLoaded([ProjectScope])
    case scopesFailed(CloudError)
    /// `.rememberScope` could not write its file: why.
    case scopeNotRemembered(String)
    /// What the readiness probe's driver made of a connection attempt (`.probeLogin`); also sent
    /// once at its start, with the probe as the policy left it.
    case loginProbed(jobId: String, check: Int, LoginProbe)
    /// The probe has ended: the core's report of it (known_hosts, the new host key, the command).
    case loginReported(jobId: String, check: Int, LoginReport)
    /// The answer of `.readKnownHosts`.
    case knownHostsRead(jobId: String, LoginTarget, Result<KnownHosts.Findings, ReadinessFailure>)
    /// The answer of `.removeHostKeys`: what `ssh-keygen -R` did.
    case hostKeysRemoved(jobId: String, KnownHostsRemoval)
}

/// A job follower after an answer, and what the answer changed.
package struct JobFollowed: Sendable, Equatable {
    package var follower: JobFollower
    package var step: JobFollower.Step

    package init(follower: JobFollower, step: JobFollower.Step) {
        self.follower = follower
        self.step = step
    }

    package var jobId: String { follower.jobId }
}
