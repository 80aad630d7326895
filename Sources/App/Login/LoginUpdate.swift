import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The job's server has left REBUILD after a successful reinstall: the check that it is ready to
/// log in starts (once per job; `a` starts it again on another address). The policy is decided
/// here, before any effect: an address it refuses is never handed to a driver (whose `LoginProbe`
/// would refuse it too).
func startLoginCheck(_ state: inout AppState, jobId: String, server: Server, address: String? = nil) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }) else { return [] }
    var settings = state.login
    // The address chosen with `a` (else `--login-address`, else the server's private one).
    if let address { settings.address = address }
    let replacing = state.jobs[index].login?.isChecking == true
    let check = state.jobs[index].login.map { $0.check + 1 } ?? 0
    let stopOld: [Effect] = replacing ? [.stopLoginProbe(jobId: jobId)] : []
    guard let target = settings.target(for: server) else {
        // What can be done here: `a` to another of its addresses, if it has one.
        let advice = loginAddresses(state, state.jobs[index]).isEmpty ? "it has no other address to probe"
            : "press a to probe another of its addresses"
        state.jobs[index].login = LoginWatch(target: nil, check: check, notProbed: LoginTarget.noPrivateAddress(then: advice))
        return stopOld
    }
    if let refusal = settings.policy.refusal(for: target.address) {
        state.jobs[index].login = LoginWatch(target: target, check: check, notProbed: refusal)
        return stopOld
    }
    state.jobs[index].login = LoginWatch(target: target, check: check)
    // Replaces the old probe's effect, which is cancelled.
    return [.probeLogin(jobId: jobId, check: check, target, settings)]
}

/// The server is being reinstalled again: the checks of its earlier jobs stop, and say why.
func stopLoginChecks(_ state: inout AppState, serverId: String) -> [Effect] {
    var effects: [Effect] = []
    for index in state.jobs.indices where state.jobs[index].serverId == serverId && state.jobs[index].login?.isChecking == true {
        state.jobs[index].login?.notProbed = "stopped: the server is being reinstalled again"
        effects.append(.stopLoginProbe(jobId: state.jobs[index].jobId))
    }
    return effects
}

/// The probe's driver reports its state. A report of an older check (the address was changed
/// meanwhile) is old news and changes nothing; so is one after the probe has ended.
func reduceLoginProbed(_ state: inout AppState, jobId: String, check: Int, probe: LoginProbe) -> [Effect] {
    guard let index = loginIndex(state, jobId: jobId, check: check, target: probe.target),
          state.jobs[index].login?.readiness == nil
    else { return [] }
    state.jobs[index].login?.probe = probe
    if let readiness = probe.outcome, !readiness.isReady {
        // Said at once; an answer waits for the report, which brings the command to log in.
        let name = TerminalText.visible(state.jobs[index].serverName)
        state.flash = Flash(.info, "\(name): \(readiness.message(kind: probe.target.kind))")
    }
    return []
}

/// The probe has ended and the core has worded it: the pane and the details show the report. A
/// check stopped meanwhile (the job dismissed, the server reinstalled again) reports nothing: its
/// server is not ready to log in, or no one is looking.
func reduceLoginReported(_ state: inout AppState, jobId: String, check: Int, report: LoginReport) -> [Effect] {
    guard let index = loginIndex(state, jobId: jobId, check: check, target: report.target), state.jobs[index].login?.notProbed == nil,
          !state.jobsPane.dismissed.contains(jobId)
    else { return [] }
    state.jobs[index].login?.report = report
    if report.readiness.isReady {
        let name = TerminalText.visible(state.jobs[index].serverName)
        let advice = report.knownHostsLine.map { " · \($0)" } ?? ""
        state.flash = Flash(.info, "\(name): \(report.loginLine)\(advice)")
    }
    return []
}

func reduceKnownHostsRead(_ state: inout AppState, jobId: String, target: LoginTarget,
                          result: Result<KnownHosts.Findings, ReadinessFailure>) -> [Effect] {
    guard let index = loginIndex(state, jobId: jobId, target: target), state.jobs[index].login?.report != nil else {
        return []
    }
    switch result {
    case let .success(findings):
        state.jobs[index].login?.report?.knownHosts = findings
        state.jobs[index].login?.report?.knownHostsError = nil
    case let .failure(failure):
        state.jobs[index].login?.report?.knownHosts = nil
        state.jobs[index].login?.report?.knownHostsError = failure.message
    }
    return []
}

/// `ssh-keygen -R` has run: what it did is said, and the file it edited (the findings' file, not
/// the default worked out again) read again so the advice shows what is left.
func reduceHostKeysRemoved(_ state: inout AppState, jobId: String, removal: KnownHostsRemoval) -> [Effect] {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }), let target = state.jobs[index].login?.target
    else { return [] }
    state.jobs[index].login?.removal = .finished(removal)
    state.flash = Flash(removal.succeeded ? .info : .error, removal.message)
    let edited = state.jobs[index].login?.report?.knownHosts.map { URL(fileURLWithPath: $0.file) }
    return [.readKnownHosts(jobId: jobId, target, file: edited ?? state.login.knownHostsFile)]
}

/// The tracker whose login check is about `target` still (not since moved to another address).
private func loginIndex(_ state: AppState, jobId: String, target: LoginTarget) -> Int? {
    guard let index = state.jobs.firstIndex(where: { $0.jobId == jobId }), state.jobs[index].login?.target == target
    else { return nil }
    return index
}

/// The same, and still the check numbered `check` (not a newer one of the same address).
private func loginIndex(_ state: AppState, jobId: String, check: Int, target: LoginTarget) -> Int? {
    guard let index = loginIndex(state, jobId: jobId, target: target), state.jobs[index].login?.check == check else { return nil }
    return index
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
    guard let job = state.selectedPaneJob, let server = state.servers.catalog.server(id: job.serverId) else { return [] }
    let addresses = loginAddresses(state, job)
    let current = job.login?.target?.address
    guard addresses.count > (current == nil ? 0 : 1) else { return [] }
    let next = addresses[((current.flatMap(addresses.firstIndex(of:)) ?? -1) + 1) % addresses.count]
    return startLoginCheck(&state, jobId: job.jobId, server: server, address: next)
}
