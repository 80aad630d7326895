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
        guard let job = selectedPaneJob(state) else { return .disabled("no job is selected") }
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
        guard let job = selectedPaneJob(state) else { return .disabled("no job is selected") }
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

/// The job the pane has selected (also the one the details show).
func selectedPaneJob(_ state: AppState) -> JobTracker? {
    guard let index = state.selectedPaneIndex, state.paneJobs.indices.contains(index) else { return nil }
    return state.paneJobs[index]
}

func askToRemoveHostKeys(_ state: inout AppState) -> [Effect] {
    guard let job = selectedPaneJob(state), job.login?.oldEntries != nil else { return [] }
    state.jobsPane.hostKeyQuestion = job.jobId
    // The question and its keys are on the flash and footer rows, which the details cover.
    state.jobsPane.detailsOpen = false
    keepHostKeyQuestion(&state)
    return []
}

/// `y` removes; any other key keeps the entries and does nothing else.
func answerHostKeyQuestion(_ state: inout AppState, _ key: Key) -> [Effect] {
    if case .mouse = key { return [] }
    guard let jobId = state.jobsPane.hostKeyQuestion else { return [] }
    state.jobsPane.hostKeyQuestion = nil
    state.flash = nil
    guard key == .character("y") || key == .character("Y"),
          let index = state.jobs.firstIndex(where: { $0.jobId == jobId }),
          let findings = state.jobs[index].login?.oldEntries
    else { return [] }
    state.jobs[index].login?.removal = .running
    return [.removeHostKeys(jobId: jobId, findings)]
}

/// While the question is open it stays on the flash line (a job's news must not hide it); once
/// there is nothing left to remove, there is nothing to ask. The quit question and the notice
/// that the app leaves once the cloud has answered come first: the removal question waits under
/// the quit question, and is dropped when the app is leaving, so a key cannot answer a question
/// that is not on screen.
func keepHostKeyQuestion(_ state: inout AppState) {
    guard let jobId = state.jobsPane.hostKeyQuestion else { return }
    if state.leavingOnceAnswered { state.jobsPane.hostKeyQuestion = nil }
    if state.askingToQuit || state.leavingOnceAnswered { return }
    guard let findings = state.jobs.first(where: { $0.jobId == jobId })?.login?.oldEntries else {
        state.jobsPane.hostKeyQuestion = nil
        if state.flash?.text.hasSuffix(LoginWording.questionEnd) == true { state.flash = nil }
        return
    }
    state.flash = Flash(.error, LoginWording.removalQuestion(findings))
}

/// Every address of the server, in a stable order: the fixed ones of each network, then the floating.
func loginAddresses(_ state: AppState, _ job: JobTracker) -> [String] {
    guard let server = state.servers.catalog.server(id: job.serverId) else { return [] }
    let all = server.addresses.keys.sorted().flatMap { server.addresses[$0] ?? [] }
    var seen: Set<String> = []
    return (all.filter { ($0.type ?? "fixed") == "fixed" } + all.filter { ($0.type ?? "fixed") != "fixed" })
        .map(\.addr).filter { !$0.isEmpty && seen.insert($0).inserted }
}

/// `a`: the check starts again on the next address; the probe of the old one is replaced.
func chooseNextLoginAddress(_ state: inout AppState) -> [Effect] {
    guard let job = selectedPaneJob(state), let server = state.servers.catalog.server(id: job.serverId) else { return [] }
    let addresses = loginAddresses(state, job)
    let current = job.login?.target?.address
    guard addresses.count > (current == nil ? 0 : 1) else { return [] }
    let next = addresses[((current.flatMap(addresses.firstIndex(of:)) ?? -1) + 1) % addresses.count]
    return startLoginCheck(&state, jobId: job.jobId, server: server, address: next)
}
