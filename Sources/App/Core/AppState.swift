import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Which cloud the session talks to; shown in the header so nobody mistakes the demo for production.
package enum AccountMode: Sendable, Equatable {
    case demo
    case real
}

/// Everything the screen shows, as plain values. Changed only by `reduce`.
package struct AppState: Sendable, Equatable {
    package var mode: AccountMode
    package var region: String
    package var projectId: String
    /// The project's name: the region's for its default project, `{region}_{name}` for a subproject.
    package var projectName: String
    /// Where the credentials came from, in a few words (`CredentialSource.brief`), for the header.
    package var credentialSource = ""
    /// The host `--endpoint` sends a real account's requests to instead of Huawei Cloud's
    /// (`EndpointHost.label`), for the header; nil for the public cloud and the demo.
    package var endpointHost: String?
    package var size: TerminalSize
    package var now: Date
    /// The zone times are shown in: the operator's, or UTC (`--utc`). Set, never read from the
    /// machine here, so the same state draws the same screen.
    package var timeZone: TimeZone = .utc

    package var servers: ServerListState = ServerListState()
    package var images: [String: ImageLookup] = [:]
    package var keypairs: Lookup<[Keypair]> = .notRequested
    /// `.loaded(nil)`: IAM refused the lookup; the key pair is sent without `userid`.
    package var userId: Lookup<String?>
    package var form: ReinstallForm?
    /// The operator's v1/v2 choices, by image, remembered for the rest of the run.
    package var endpointOverrides: [String: ReinstallAPI] = [:]
    package var jobs: [JobTracker] = []
    /// Servers with a reinstall being submitted, or one whose answer was unclear, by server id.
    package var submissions: [String: SubmissionMark] = [:]
    /// Finished jobs from the journal (this session's and earlier ones), newest last.
    package var history: [JournalEntry] = []
    package var showHistory = false
    /// The `?`/F1 overlay listing the actions of the mode it was opened from (`Mode.beneathHelp`).
    package var showHelp = false
    /// Frame characters the terminal's locale can show (ASCII outside UTF-8).
    package var glyphs: BoxGlyphs = .unicode
    /// The journal's name for this account; entries of other accounts are left alone.
    package var journalScope: String
    /// The one enterprise project the list shows (`--enterprise-project`); nil: all those granted.
    package var enterpriseProject: String?
    /// Ring the terminal bell when a job finishes.
    package var bellEnabled = false
    /// Counts the bells asked for; the main loop rings when it grows.
    package var bells = 0
    /// One line of news for the operator (a submitted job, a failed load); replaced by the next.
    package var flash: Flash?
    /// Every flash of the session, for the `L` overlay.
    package var messages = MessageLog()
    /// The jobs pane's focus, selection and dismissed jobs.
    package var jobsPane = JobsPaneState()
    /// What is wrong with the job journal (a damaged file moved aside, a write that failed): shown
    /// above the flash line for the rest of the session, since it outlives any one action.
    package var journalProblem: String?
    package var quitRequested = false
    /// `q` asked "quit although jobs still run in the cloud?"; the next key answers.
    package var askingToQuit = false
    /// A signal (Ctrl-C) came while a reinstall was being sent: the UI ends once every POST in
    /// flight is answered, since cutting one off would leave its outcome unclear.
    package var leavingOnceAnswered = false
    /// The flags that chose the cloud and the project they reach, for the commands printed at
    /// exit; `moving(to:)` gives those of the scope shown or of a job's.
    package var commandScope = CommandScope()
    /// `:`: the regions and projects to switch to; nil when closed.
    package var scopePicker: ScopePicker?
    /// The scope worked in before this one (this run's, or the one remembered from the last):
    /// `:` offers it first.
    package var previousScope: ProjectScope?
    /// The reachable scopes as last listed, shown at once when `:` opens again while it reloads.
    package var knownScopes: [ProjectScope] = []
    /// Journal entries of other scopes: a switch there resumes its unfinished jobs and shows its history.
    package var journalElsewhere: [JournalEntry] = []
    /// How each scope worked in this run is named on screen (`ScopeText.label`), by journal scope:
    /// job panes of another scope say which.
    package var scopeLabels: [String: String] = [:]
    /// How a reinstalled server's readiness to log in is checked (`LoginWatch`).
    package var login: ReadinessSettings

    /// A reinstall's POST is on its way, its answer not back yet.
    package var isSending: Bool { submissions.values.contains { $0.phase == .submitting } }

    package init(mode: AccountMode, region: String, projectId: String, projectName: String? = nil, userId: String? = nil,
                size: TerminalSize, now: Date, journal: [JournalEntry] = []) {
        self.mode = mode
        // Loopback only until the start says more (the session's settings): a state made without
        // them (a real account's mode against a simulator) never leads to a probe off loopback.
        login = ReadinessSettings(policy: .simulatedCloud)
        let scope = JournalEntry.scope(demo: mode == .demo, region: region, projectId: projectId)
        journalScope = scope
        let mine = journal.filter { $0.scope == scope }
        history = mine.filter(\.isFinished)
        jobs = mine.filter { !$0.isFinished }.map(JobTracker.init(resuming:))
        journalElsewhere = journal.filter { $0.scope != scope }
        self.region = region
        self.projectId = projectId
        self.projectName = projectName ?? region
        self.userId = userId.map { .loaded($0) } ?? .notRequested
        self.size = size
        self.now = now
        scopeLabels[scope] = ScopeText.label(self.scope)
    }
}

extension AppState {
    /// The region and project worked in.
    package var scope: ProjectScope { ProjectScope(region: region, projectId: projectId, projectName: projectName) }

    /// A job is still being followed (submitted, running, or its server still booting).
    var hasRunningJobs: Bool { jobs.contains { !$0.isFinished && $0.stopped == nil } }
}

package struct TerminalSize: Sendable, Equatable {
    package var width: Int
    package var height: Int
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

package struct Flash: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case info, error }
    package var kind: Kind
    package var text: String
    package init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A value fetched from the cloud.
package enum Lookup<Value: Sendable & Equatable>: Sendable, Equatable {
    case notRequested
    case loading
    case loaded(Value)
    case failed(String)

    package var value: Value? {
        if case let .loaded(value) = self { return value }
        return nil
    }
}

/// An image lookup: `.loaded(nil)` means IMS no longer knows the image.
package typealias ImageLookup = Lookup<Image?>
