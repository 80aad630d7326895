import Foundation
import HuaweiCloud
import Reinstall

/// A server whose reinstall is being submitted, or whose submission got no clear answer: the
/// list marks it (JOB column) and refuses a second reinstall of it until the mark is gone.
package struct SubmissionMark: Sendable, Equatable {
    package enum Phase: Sendable, Equatable {
        /// The POST is on its way (a slow API); its answer has not come back.
        case submitting
        /// The POST may have reached the cloud and no job id came back: the server is re-read
        /// until its status shows whether a reinstall started.
        case unclear
        /// The server showed REBUILD after the unclear answer: the reinstall started, without a
        /// job id; it is followed until the server leaves REBUILD.
        case started
    }

    package var serverId: String
    package var serverName: String
    package var phase: Phase
    /// When the mark entered its phase.
    package var since: Date
    /// What the operator must know (the whole outcome message), once the answer came.
    package var advice: String?
    /// The server's status as last read while it is watched.
    package var lastSeen: String?
    /// Its status when the POST went out: a change (ACTIVE to SHUTOFF is a reinstall's own stop
    /// step) means something happened, so the mark does not lapse.
    package var statusBefore: ServerStatus?

    package init(serverId: String, serverName: String, phase: Phase, since: Date, advice: String? = nil) {
        self.serverId = serverId
        self.serverName = serverName
        self.phase = phase
        self.since = since
        self.advice = advice
    }

    /// The JOB column's word.
    package var label: String {
        switch phase {
        case .submitting: return "SUBMITTING"
        case .unclear: return "UNCLEAR"
        case .started: return "REBUILD?"
        }
    }

    /// Why Enter on this server is refused.
    package var whyNoReinstall: String {
        switch phase {
        case .submitting:
            return "A reinstall of \(serverName) is being submitted; wait for the cloud's answer."
        case .unclear:
            return "It is not known whether the reinstall of \(serverName) started: do not send it again yet; "
                + "its status is being watched."
        case .started:
            return "A reinstall of \(serverName) started (no job id); wait until the server leaves REBUILD."
        }
    }

    /// How often a watched server is read again.
    package static let watchInterval: Duration = .seconds(5)
    /// How long an unclear server must show no reinstall (no REBUILD, no task, its status as
    /// before the POST) before the reinstall is taken as not started: as long as the job follower
    /// waits for a lost job's rebuild to start, since a stop comes first and can be slow.
    package static let unclearWindow: TimeInterval = JobFollower.reinstallStartWindow
}
