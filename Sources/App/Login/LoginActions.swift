import Reinstall
import TerminalKit

/// The keys of a job's login check, on the jobs pane and in the job details.
enum LoginActions {
    /// `x`: asks, then removes the old host key entries with `ssh-keygen -R`.
    static let removeHostKeys = Action(
        keys: [.character("x")], keyLabel: "x", label: "remove the old host key from known_hosts (asks first)",
        footer: "x known_hosts", availability: removalAvailability, perform: { state, _ in askToRemoveHostKeys(&state) })

    /// `a`: the probe moves to the server's next address (a public one, another network's).
    static let chooseAddress = Action(
        keys: [.character("a")], keyLabel: "a", label: "probe the server's next address", footer: "a address",
        availability: addressAvailability, perform: { state, _ in chooseNextLoginAddress(&state) })

    @Sendable static func removalAvailability(_ state: AppState) -> Availability {
        guard let job = state.selectedPaneJob else { return .disabled("no job is selected") }
        guard let watch = job.login else { return .disabled(notStarted) }
        if watch.removal == .running { return .disabled("the old entries are being removed") }
        if watch.target?.kind == .rdp { return .disabled("an RDP server has no entry in known_hosts") }
        if let notProbed = watch.notProbed { return .disabled(LoginReadiness.notProbed(reason: notProbed).message(kind: .ssh)) }
        guard let report = watch.report else { return .disabled("known_hosts is read once the probe has ended") }
        // The core's sentences: why the file was not read, or that it holds no entry.
        if report.knownHostsError != nil, let why = report.knownHostsLine { return .disabled(why) }
        guard let findings = report.knownHosts, !findings.entries.isEmpty else {
            return .disabled(report.knownHostsNoEntryLine ?? "known_hosts has no entry for \(report.target.hostName)")
        }
        return .enabled
    }

    static let notStarted = "no login check for this job: it starts once the reinstall has succeeded"

    @Sendable static func addressAvailability(_ state: AppState) -> Availability {
        guard let job = state.selectedPaneJob else { return .disabled("no job is selected") }
        guard let watch = job.login else { return .disabled(notStarted) }
        // Without a target yet, one address is another one to probe.
        guard loginAddresses(state, job).count > (watch.target == nil ? 0 : 1) else {
            return .disabled("the server has no other address")
        }
        return .enabled
    }
}

/// The question `x` asks, on the flash line; any key answers it.
enum HostKeyQuestionActions {
    static let all: [Action] = [
        Action(keys: [.character("y"), .character("Y")], keyLabel: "y", label: "remove them (ssh-keygen -R)",
               footer: "y remove", perform: { state, key in answerHostKeyQuestion(&state, key) }),
        Action(keys: [.character("n"), .escape], keyLabel: "n Esc", label: "keep them (any other key too)",
               footer: "n keep", perform: { state, key in answerHostKeyQuestion(&state, key) }),
    ]
}
