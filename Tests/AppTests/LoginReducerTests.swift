import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// The login check after a reinstall, in the reducer: when it starts (once, after success only),
/// what the probe's and the report's events change, the policy of a simulated cloud, and the
/// known_hosts question.
struct LoginReducerTests {
    private func probes(_ effects: [Effect]) -> [LoginTarget] {
        effects.compactMap { if case let .probeLogin(_, _, target, _) = $0 { return target } else { return nil } }
    }

    func realCloud() -> AppState {
        var state = Fixtures.loadedState()
        state.login.policy = .realCloud
        return state
    }

    @Test func theProbeStartsOnceTheServerHasLeftRebuildAndOnlyOnce() {
        var state = realCloud()
        _ = reduce(&state, .reinstallAccepted(jobId: LoginSamples.jobId, serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: state.now))
        var driver = FollowDriver()
        #expect(probes(driver.job(&state, LoginSamples.job(.running))).isEmpty)
        #expect(probes(driver.job(&state, LoginSamples.job(.success))).isEmpty, "SUCCESS is not the end: the server boots")
        var rebuilding = Fixtures.web
        rebuilding.status = .rebuild
        rebuilding.taskState = "rebuild_spawning"
        #expect(probes(driver.answer(&state, LoginSamples.jobId, .server(rebuilding))).isEmpty)
        #expect(state.jobs[0].login == nil)

        let effects = driver.answer(&state, LoginSamples.jobId, .server(Fixtures.web))
        #expect(probes(effects) == [LoginSamples.target])
        #expect(effects.contains(.probeLogin(jobId: LoginSamples.jobId, check: 0, LoginSamples.target, state.login)))
        #expect(state.jobs[0].login?.isProbing == true)
        #expect(statusLabel(state.jobs[0]) == "SUCCESS", "the status word keeps its meaning")

        // The same end heard again (a late answer) starts nothing more.
        #expect(probes(driver.answer(&state, LoginSamples.jobId, .server(Fixtures.web))).isEmpty)
        let follower = JobFollower(resuming: state.jobs[0].entry, now: state.now)
        var again = follower
        let step = again.receive(.server(Fixtures.web), now: state.now, random: 0.5)
        #expect(probes(reduce(&state, .jobFollowed(JobFollowed(follower: again, step: step)))).isEmpty)
    }

    @Test func aFailedOrLostJobStartsNoProbe() {
        var failed = realCloud()
        _ = reduce(&failed, .reinstallAccepted(jobId: LoginSamples.jobId, serverId: Fixtures.web.id, serverName: "web-01",
                                                api: .v2, at: failed.now))
        var driver = FollowDriver()
        #expect(probes(driver.job(&failed, LoginSamples.job(.fail))).isEmpty)
        #expect(failed.jobs[0].isFinished && failed.jobs[0].login == nil)

        var lost = realCloud()
        _ = reduce(&lost, .reinstallAccepted(jobId: LoginSamples.jobId, serverId: Fixtures.web.id, serverName: "web-01",
                                              api: .v2, at: lost.now))
        var follower = FollowDriver()
        let forgotten = CloudError.api(status: 404, code: "Common.0011", message: "job not found", requestId: nil)
        _ = follower.answer(&lost, LoginSamples.jobId, .failed(forgotten))
        var rebuilding = Fixtures.web
        rebuilding.status = .rebuild
        _ = follower.answer(&lost, LoginSamples.jobId, .server(rebuilding))
        let effects = follower.answer(&lost, LoginSamples.jobId, .server(Fixtures.web))
        #expect(lost.jobs[0].isFinished && lost.jobs[0].lost != nil)
        #expect(probes(effects).isEmpty, "a lost job's outcome is unsure: no readiness claimed")
        #expect(lost.jobs[0].login == nil)
    }

    /// The demo's (any simulated cloud's) servers are probed on loopback only: a private address
    /// is refused before any effect, and the pane says why.
    @Test func aSimulatedCloudNeverProbesAPrivateAddress() {
        var state = Fixtures.loadedState()
        #expect(state.login.policy == .simulatedCloud)
        let effects = LoginSamples.finishWeb(&state)
        #expect(probes(effects).isEmpty)
        #expect(state.jobs[0].login?.notProbed?.contains("192.168.0.11 is not a loopback address") == true)
        #expect(state.jobs[0].login?.readiness?.message(kind: .ssh).hasPrefix("not probed: 192.168.0.11") == true)

        var loopback = Fixtures.loadedState()
        var server = Fixtures.web
        server.addresses = ["vpc-1": [.init(addr: "127.0.0.2")]]
        #expect(probes(LoginSamples.finishWeb(&loopback, server: server)).map(\.address) == ["127.0.0.2"])
    }

    @Test func aServerWithoutAnAddressIsNotProbedAndSaysSo() {
        var state = realCloud()
        var server = Fixtures.web
        server.addresses = [:]
        #expect(probes(LoginSamples.finishWeb(&state, server: server)).isEmpty)
        #expect(state.jobs[0].login?.readiness
            == .notProbed(reason: "the server has no private IPv4 address; it has no other address to probe"))
        _ = reduce(&state, .key(.character("J")))
        #expect(LoginActions.addressAvailability(state) == .disabled("the server has no other address"))
    }

    /// No private address but a floating one: the TUI says what it can do (`a`), and `a` does it.
    @Test func aServerWithOnlyAFloatingAddressOffersA() {
        var state = realCloud()
        var server = Fixtures.web
        server.addresses = ["vpc-1": [.init(addr: "100.93.1.11", type: "floating")]]
        Fixtures.deliver(Fixtures.servers.map { $0.id == server.id ? server : $0 }, to: &state)
        #expect(probes(LoginSamples.finishWeb(&state, server: server)).isEmpty)
        #expect(state.jobs[0].login?.notProbed
            == "the server has no private IPv4 address; press a to probe another of its addresses")
        _ = reduce(&state, .key(.character("J")))
        #expect(LoginActions.addressAvailability(state) == .enabled)
        #expect(probes(reduce(&state, .key(.character("a")))).map(\.address) == ["100.93.1.11"])
    }

    @Test func theProbesEventsUpdateThePaneThenTheReportMakesItReady() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        #expect(LoginWording.pane(state.jobs[0].login!).0 == "checking SSH on 192.168.0.11:22…")

        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, LoginSamples.probe([.failed(reason: "connection refused")])))
        #expect(state.jobs[0].login?.probe?.attempts == 1)
        #expect(LoginWording.pane(state.jobs[0].login!).0
            == "checking SSH on 192.168.0.11:22… (1 attempt, the last: connection refused)")

        let answered = LoginSamples.probe([.failed(reason: "connection refused"), .answered(banner: "SSH-2.0-OpenSSH_9.2p1")])
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, answered))
        #expect(state.jobs[0].login?.readiness?.isReady == true)
        #expect(state.jobs[0].login?.isProbing == false)

        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report()))
        let (line, style) = LoginWording.pane(state.jobs[0].login!)
        #expect(line.hasPrefix("ready to log in: ssh -i ~/.ssh/deploy-rsa.pem root@192.168.0.11 · SSH answers after 1m12s"))
        #expect(line.contains("known_hosts has 2 entries for 192.168.0.11 (1 hashed): the old host key; run: ssh-keygen -R 192.168.0.11"))
        #expect(style.color == .green)
        #expect(state.flash?.text.hasPrefix("web-01: ready to log in: ssh") == true)
        #expect(statusLabel(state.jobs[0]) == "SUCCESS")

        // Old news about an address no longer probed changes nothing.
        let other = LoginTarget(address: "100.93.1.11", port: 22, kind: .ssh, user: "root", keypairName: "deploy-rsa")
        let before = state
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report([], target: other)))
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, LoginSamples.probe([], target: other)))
        #expect(state == before)
    }

    @Test func anUnreachableServerIsSaidInTheCoresWords() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        let readiness = LoginReadiness.unreachable(reason: "connection timed out", after: .seconds(300))
        var probe = LoginProbe(target: LoginSamples.target, policy: .realCloud, startedAt: Fixtures.now,
                               schedule: ProbeSchedule(giveUpAfter: .seconds(300)), now: Fixtures.now)
        _ = probe.receive(.failed(reason: "connection timed out"), now: Fixtures.now.addingTimeInterval(300))
        #expect(probe.outcome == readiness)
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, probe))
        let said = "not reachable from here: connection timed out (gave up after 5m; normal when this host is in another network)"
        #expect(state.flash?.text == "web-01: " + said)
        #expect(LoginWording.pane(state.jobs[0].login!).0 == said)
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report(readiness: readiness)))
        #expect(LoginWording.pane(state.jobs[0].login!).0.hasPrefix(said + " · to log in: ssh"))
    }

    @Test func removingTheOldHostKeyAsksFirstAndRunsOnYes() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        #expect(Mode.of(state) == .jobsPane)

        #expect(reduce(&state, .key(.character("x"))) == [])
        #expect(Mode.of(state) == .hostKeyQuestion)
        #expect(state.flash?.text == "Remove 2 old host key entries for 192.168.0.11 from \(LoginSamples.knownHostsFile)? y/n")
        // News while asking does not hide the question.
        _ = reduce(&state, .tick(state.now.addingTimeInterval(1)))
        _ = reduce(&state, .journalFailed("disk full"))
        #expect(state.flash?.text.hasSuffix("? y/n") == true)

        #expect(reduce(&state, .key(.character("n"))) == [])
        #expect(Mode.of(state) == .jobsPane && state.jobs[0].login?.removal == nil && state.flash == nil)

        _ = reduce(&state, .key(.character("x")))
        #expect(reduce(&state, .key(.character("j"))) == [], "any other key keeps the entries")
        #expect(Mode.of(state) == .jobsPane && state.jobsPane.selectedJobId == LoginSamples.jobId)

        _ = reduce(&state, .key(.character("x")))
        let effects = reduce(&state, .key(.character("y")))
        #expect(effects == [.removeHostKeys(jobId: LoginSamples.jobId, LoginSamples.findings(LoginSamples.twoOldEntries))])
        #expect(state.jobs[0].login?.removal == .running)
        #expect(LoginActions.removalAvailability(state) == .disabled("the old entries are being removed"))

        let removed = KnownHostsRemoval(succeeded: true, message: "removed 2 entries for 192.168.0.11 from \(LoginSamples.knownHostsFile)")
        #expect(reduce(&state, .hostKeysRemoved(jobId: LoginSamples.jobId, removed))
            == [.readKnownHosts(jobId: LoginSamples.jobId, LoginSamples.target, file: URL(fileURLWithPath: LoginSamples.knownHostsFile))],
                "the file ssh-keygen -R edited is read again")
        #expect(state.flash?.text == removed.message)
        _ = reduce(&state, .knownHostsRead(jobId: LoginSamples.jobId, LoginSamples.target, .success(LoginSamples.findings([]))))
        #expect(state.jobs[0].login?.oldEntries == nil)
        #expect(!LoginWording.pane(state.jobs[0].login!).0.contains("known_hosts"))
        #expect(LoginActions.removalAvailability(state)
            == .disabled("no entry for 192.168.0.11 in \(LoginSamples.knownHostsFile)"), "the core's sentence")
        #expect(reduce(&state, .key(.character("x"))) == [])
        #expect(Mode.of(state) == .jobsPane)
    }

    @Test func aFailedRemovalIsAnErrorAndTheEntriesStay() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.character("x")))
        _ = reduce(&state, .key(.character("y")))
        let failed = KnownHostsRemoval(succeeded: false, message: "ssh-keygen -R exited with 255: mkstemp: Permission denied")
        _ = reduce(&state, .hostKeysRemoved(jobId: LoginSamples.jobId, failed))
        #expect(state.flash == Flash(.error, failed.message))
        _ = reduce(&state, .knownHostsRead(jobId: LoginSamples.jobId, LoginSamples.target,
                                           .success(LoginSamples.findings(LoginSamples.twoOldEntries))))
        #expect(LoginActions.removalAvailability(state) == .enabled, "it can be tried again")
    }

    /// `a` moves the probe to the server's next address; under a simulated cloud one that is not
    /// loopback is refused, and the running probe is stopped rather than left to run.
    @Test func anotherAddressRestartsTheProbe() {
        var state = Fixtures.loadedState()
        var server = Fixtures.web
        server.addresses = ["vpc-1": [.init(addr: "127.0.0.2"), .init(addr: "100.93.1.11", type: "floating")]]
        Fixtures.deliver(Fixtures.servers.map { $0.id == server.id ? server : $0 }, to: &state)
        LoginSamples.finishWeb(&state, server: server)
        _ = reduce(&state, .key(.character("J")))
        #expect(state.jobs[0].login?.target?.address == "127.0.0.2")
        #expect(reduce(&state, .key(.character("a"))) == [.stopLoginProbe(jobId: LoginSamples.jobId)])
        #expect(state.jobs[0].login?.notProbed?.contains("100.93.1.11 is not a loopback address") == true)
        let back = reduce(&state, .key(.character("a")))
        #expect(probes(back).map(\.address) == ["127.0.0.2"], "round the list, and probed again")
    }
}

extension LoginReducerTests {
    /// A dismissed job's probe has no one to tell: it is stopped, not left running to its bound.
    @Test func dismissingAJobStopsItsProbe() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        #expect(state.jobs[0].login?.isProbing == true)
        _ = reduce(&state, .key(.character("J")))
        #expect(reduce(&state, .key(.character("d"))) == [.stopLoginProbe(jobId: LoginSamples.jobId)])

        var ready = Fixtures.loadedState()
        LoginSamples.readyWeb(&ready)
        _ = reduce(&ready, .key(.character("J")))
        #expect(reduce(&ready, .key(.character("d"))) == [], "a probe that has ended has nothing to stop")
    }
}

extension LoginReducerTests {
    /// A second reinstall of the server while the first job's probe still runs: that probe would
    /// meet the new rebuild, so it stops and says why.
    @Test func anotherReinstallOfTheServerStopsTheEarlierProbe() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        let effects = reduce(&state, .reinstallAccepted(jobId: "job-web-2", serverId: Fixtures.web.id, serverName: "web-01",
                                                         api: .v2, at: state.now))
        #expect(effects.first == .stopLoginProbe(jobId: LoginSamples.jobId))
        let earlier = state.jobs.first { $0.jobId == LoginSamples.jobId }?.login
        #expect(earlier?.isProbing == false)
        #expect(earlier?.readiness == .notProbed(reason: "stopped: the server is being reinstalled again"))
        // Its driver's late news changes nothing.
        let before = state
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, LoginSamples.probe([.answered(banner: "SSH-2.0-x")])))
        #expect(state == before)
    }
}

extension LoginReducerTests {
    /// The removal question asked, then the terminal made too small: the question is what the
    /// screen shows, so `q` answers it (keep) rather than opening a hidden quit question that a
    /// `y` meant for the removal would answer.
    @Test func inATooSmallTerminalTheKeyAnswersTheRemovalQuestion() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-lk", serverId: Fixtures.locked.id, serverName: Fixtures.locked.name,
                                               api: .v1, at: state.now))
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        _ = reduce(&state, .key(.character("x")))
        _ = reduce(&state, .resized(TerminalSize(width: 30, height: 6)))
        #expect(render(state).lines.joined(separator: " ").contains("y/n"))
        #expect(reduce(&state, .key(.character("q"))) == [])
        #expect(!state.askingToQuit && state.jobsPane.hostKeyQuestion == nil && state.flash == nil)
        _ = reduce(&state, .key(.character("q")))
        #expect(state.askingToQuit, "then q asks, a reinstall still running")
        #expect(state.flash?.text.hasSuffix("Quit? y/N") == true)
        _ = reduce(&state, .key(.character("n")))
        #expect(!state.quitRequested)
    }

    /// The quit question opened while the removal question is open (the list's `q` is not on the
    /// jobs pane, but a too-small terminal or another path may open it): it is what is shown, and
    /// the removal question comes back once it is answered no.
    @Test func theQuitQuestionIsNotCoveredByTheRemovalQuestion() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .reinstallAccepted(jobId: "job-lk", serverId: Fixtures.locked.id, serverName: Fixtures.locked.name,
                                               api: .v1, at: state.now))
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        _ = reduce(&state, .key(.character("x")))
        _ = requestQuit(&state)
        _ = reduce(&state, .tick(state.now.addingTimeInterval(1)))
        #expect(Mode.of(state) == .quitQuestion)
        #expect(state.flash?.text.hasSuffix("Quit? y/N") == true, "\(state.flash?.text ?? "")")
        _ = reduce(&state, .key(.character("n")))
        #expect(!state.quitRequested)
        #expect(state.flash?.text.hasSuffix("? y/n") == true, "the removal question is back")
    }

    /// A signal while a reinstall is being sent: the notice that the app leaves once the cloud has
    /// answered stays on screen; the removal question is dropped, so no key answers it unseen.
    @Test func theLeavingNoticeIsNotCoveredByTheRemovalQuestion() {
        var state = Fixtures.loadedState()
        LoginSamples.readyWeb(&state)
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        _ = reduce(&state, .key(.character("x")))
        state.submissions[Fixtures.locked.id] = SubmissionMark(serverId: Fixtures.locked.id, serverName: Fixtures.locked.name,
                                                               phase: .submitting, since: state.now)
        _ = reduce(&state, .signalWhileSending)
        #expect(state.flash?.text.hasPrefix("Leaving once the cloud has answered") == true, "\(state.flash?.text ?? "")")
        #expect(state.jobsPane.hostKeyQuestion == nil)
        #expect(reduce(&state, .key(.character("y"))) == [], "y removes nothing")
        #expect(state.jobs[0].login?.removal == nil)
    }
}

extension LoginReducerTests {
    /// The probe has answered but the report (known_hosts, the host key scan) is still being
    /// made: dismissing the job stops that too, and a late report flashes nothing.
    @Test func dismissingAJobWhileItsReportIsMadeStopsIt() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        let answered = LoginSamples.probe([.answered(banner: "SSH-2.0-OpenSSH_9.2p1")])
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, answered))
        #expect(state.jobs[0].login?.isProbing == false && state.jobs[0].login?.report == nil)
        _ = reduce(&state, .key(.character("J")))
        state.flash = nil
        #expect(reduce(&state, .key(.character("d"))) == [.stopLoginProbe(jobId: LoginSamples.jobId)])
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report()))
        #expect(state.flash == nil, "\(state.flash?.text ?? "")")
        #expect(state.jobs[0].login?.report == nil)
    }

    /// The same, when the server is reinstalled again: the earlier check stops and its late report
    /// does not call a server being rebuilt ready to log in.
    @Test func anotherReinstallWhileTheReportIsMadeStopsIt() {
        var state = realCloud()
        LoginSamples.finishWeb(&state)
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, LoginSamples.probe([.answered(banner: "SSH-2.0-x")])))
        let effects = reduce(&state, .reinstallAccepted(jobId: "job-web-2", serverId: Fixtures.web.id, serverName: "web-01",
                                                         api: .v2, at: state.now))
        #expect(effects.first == .stopLoginProbe(jobId: LoginSamples.jobId))
        state.flash = nil
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report()))
        #expect(state.flash == nil, "\(state.flash?.text ?? "")")
        #expect(state.jobs.first { $0.jobId == LoginSamples.jobId }?.login?.report == nil)
    }
}

extension LoginReducerTests {
    /// `a` twice (A, B, then A again): the first probe of A may still send news before its
    /// cancellation lands; it is old news, not the new probe's, though its address is the same.
    @Test func newsOfAnEarlierProbeOfTheSameAddressIsOld() {
        var state = realCloud()
        var server = Fixtures.web
        server.addresses = ["vpc-1": [.init(addr: "192.168.0.11"), .init(addr: "100.93.1.11", type: "floating")]]
        Fixtures.deliver(Fixtures.servers.map { $0.id == server.id ? server : $0 }, to: &state)
        #expect(probes(LoginSamples.finishWeb(&state, server: server)) == [LoginSamples.target])
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.character("a")))
        let again = reduce(&state, .key(.character("a")))
        #expect(probes(again) == [LoginSamples.target] && state.jobs[0].login?.check == 2)

        let before = state
        let answered = LoginSamples.probe([.answered(banner: "SSH-2.0-old")])
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, answered))
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, LoginSamples.report()))
        #expect(state == before, "the first probe of the address is not the current one")

        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 2, answered))
        #expect(state.jobs[0].login?.readiness?.isReady == true)
    }
}

extension LoginReducerTests {
    /// Until the start sets the session's settings, nothing is probed off loopback, whatever the
    /// mode: a real account's state run against a simulator must not probe its private addresses.
    @Test func theDefaultPolicyIsLoopbackOnlyInEveryMode() {
        for mode in [AccountMode.demo, .real] {
            let state = AppState(mode: mode, region: "cn-north-4", projectId: "p", size: TerminalSize(width: 100, height: 30),
                                 now: Fixtures.now)
            #expect(state.login.policy == .simulatedCloud, "\(mode)")
        }
    }
}

extension LoginReducerTests {
    /// A Windows server: RDP on 3389, the pane's line gives the address to connect to, and `x`
    /// is turned off (RDP has no known_hosts entry).
    @Test func aWindowsServerIsCheckedOnRDP() throws {
        var state = realCloud()
        let effects = LoginSamples.finishWeb(&state, server: Fixtures.windows)
        let target = try #require(probes(effects).first)
        #expect(target.kind == .rdp && target.port == 3389 && target.address == "192.168.0.31")
        _ = reduce(&state, .loginProbed(jobId: LoginSamples.jobId, check: 0, LoginSamples.probe([.answered(banner: nil)], target: target)))
        let report = LoginReport(target: target, readiness: .answered(after: .seconds(40), banner: nil), knownHosts: nil,
                                 hostKeys: nil, loginCommand: LoginCommand(target: target).text)
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, report))
        let (line, style) = LoginWording.pane(state.jobs[0].login!)
        #expect(line == "ready to log in: 192.168.0.31:3389 · RDP answers after 40s", "\(line)")
        #expect(style.color == .green)
        _ = reduce(&state, .key(.character("J")))
        #expect(LoginActions.removalAvailability(state) == .disabled("an RDP server has no entry in known_hosts"))
        #expect(reduce(&state, .key(.character("x"))) == [] && Mode.of(state) == .jobsPane)
        let details = LoginWording.details(state.jobs[0].login!).map { "\($0.0) \($0.1)" }
        #expect(details.contains("Command 192.168.0.31:3389") && !details.contains { $0.hasPrefix("known_hosts") }, "\(details)")
    }
}
