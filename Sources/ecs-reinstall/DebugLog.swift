import Foundation
import Logging
import HuaweiCloud
import Reinstall

/// Where the log goes, and setting up swift-log once per process. With `--debug` every
/// `Logger` (the cloud client's one line per HTTP exchange, the session's credential source)
/// appends to `$XDG_STATE_HOME/ecs-reinstall/debug.log`; without it nothing is logged anywhere:
/// stdout and stderr are the operator's, and the terminal belongs to the UI.
enum DebugLog {
    /// `$XDG_STATE_HOME/ecs-reinstall/debug.log` (`~/.local/state/…` when unset), beside the job journal.
    static func file(environment: [String: String]) -> URL {
        JobJournal.defaultFile(environment: environment).deletingLastPathComponent().appendingPathComponent("debug.log")
    }

    static func bootstrap(enabled: Bool, environment: [String: String]) {
        guard enabled else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let file: AppendOnlyFile
        do {
            file = try AppendOnlyFile(url: Self.file(environment: environment))
        } catch {
            Console.error("error: \(error.message)")
            exit(ScriptExit.refused)
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file) }
        Logger(label: "ecs-reinstall").info("ecs-reinstall \(ReleaseVersion.current) started, process \(getpid())")
    }
}
