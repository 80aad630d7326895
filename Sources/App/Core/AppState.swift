import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Which cloud the session talks to; shown in the header so nobody mistakes the demo for production.
public enum AccountMode: Sendable, Equatable {
    case demo
    case real
}

/// Everything the screen shows, as plain values. Changed only by `reduce`.
public struct AppState: Sendable, Equatable {
    public var mode: AccountMode
    public var region: String
    public var projectId: String
    /// Where the credentials came from, in a few words (`CredentialSource.brief`), for the header.
    public var credentialSource = ""
    /// The host `--endpoint` sends a real account's requests to instead of Huawei Cloud's
    /// (`EndpointHost.label`), for the header; nil for the public cloud and the demo.
    public var endpointHost: String?
    public var size: TerminalSize
    public var now: Date
    /// The zone times are shown in: the operator's, or UTC (`--utc`). Set, never read from the
    /// machine here, so the same state draws the same screen.
    public var timeZone: TimeZone = .utc

    public var servers: ServerListState = ServerListState()
    public var images: [String: ImageLookup] = [:]
    public var keypairs: Lookup<[Keypair]> = .notRequested
    /// `.loaded(nil)`: IAM refused the lookup; the key pair is sent without `userid`.
    public var userId: Lookup<String?>
    public var form: ReinstallForm?
    /// The operator's v1/v2 choices, by image, remembered for the rest of the run.
    public var endpointOverrides: [String: ReinstallAPI] = [:]
    public var jobs: [JobTracker] = []
    /// Servers with a reinstall being submitted, or one whose answer was unclear, by server id.
    public var submissions: [String: SubmissionMark] = [:]
    /// Finished jobs from the journal (this session's and earlier ones), newest last.
    public var history: [JournalEntry] = []
    public var showHistory = false
    /// The `?`/F1 overlay listing the actions of the mode it was opened from (`Mode.beneathHelp`).
    public var showHelp = false
    /// Frame characters the terminal's locale can show (ASCII outside UTF-8).
    public var glyphs: BoxGlyphs = .unicode
    /// The journal's name for this account; entries of other accounts are left alone.
    public var journalScope: String
    /// The one enterprise project the list shows (`--enterprise-project`); nil: all those granted.
    public var enterpriseProject: String?
    /// Ring the terminal bell when a job finishes.
    public var bellEnabled = false
    /// Counts the bells asked for; the main loop rings when it grows.
    public var bells = 0
    /// One line of news for the operator (a submitted job, a failed load); replaced by the next.
    public var flash: Flash?
    /// Every flash of the session, for the `L` overlay.
    public var messages = MessageLog()
    /// The jobs pane's focus, selection and dismissed jobs.
    public var jobsPane = JobsPaneState()
    /// What is wrong with the job journal (a damaged file moved aside, a write that failed): shown
    /// above the flash line for the rest of the session, since it outlives any one action.
    public var journalProblem: String?
    public var quitRequested = false
    /// `q` asked "quit although jobs still run in the cloud?"; the next key answers.
    public var askingToQuit = false
    /// A signal (Ctrl-C) came while a reinstall was being sent: the UI ends once every POST in
    /// flight is answered, since cutting one off would leave its outcome unclear.
    public var leavingOnceAnswered = false
    /// The flags that chose the cloud, for the commands printed at exit.
    public var commandScope = CommandScope()

    /// A reinstall's POST is on its way, its answer not back yet.
    public var isSending: Bool { submissions.values.contains { $0.phase == .submitting } }

    public init(mode: AccountMode, region: String, projectId: String, userId: String? = nil,
                size: TerminalSize, now: Date, journal: [JournalEntry] = []) {
        self.mode = mode
        let scope = JournalEntry.scope(demo: mode == .demo, region: region, projectId: projectId)
        journalScope = scope
        let mine = journal.filter { $0.scope == scope }
        history = mine.filter(\.isFinished)
        jobs = mine.filter { !$0.isFinished }.map(JobTracker.init(resuming:))
        self.region = region
        self.projectId = projectId
        self.userId = userId.map { .loaded($0) } ?? .notRequested
        self.size = size
        self.now = now
    }
}

extension AppState {
    /// A job is still being followed (submitted, running, or its server still booting).
    var hasRunningJobs: Bool { jobs.contains { !$0.isFinished && $0.stopped == nil } }
}

public struct TerminalSize: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, error }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A value fetched from the cloud.
public enum Lookup<Value: Sendable & Equatable>: Sendable, Equatable {
    case notRequested
    case loading
    case loaded(Value)
    case failed(String)

    public var value: Value? {
        if case let .loaded(value) = self { return value }
        return nil
    }
}

/// An image lookup: `.loaded(nil)` means IMS no longer knows the image.
public typealias ImageLookup = Lookup<Image?>
