import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// The login check on screen: the pane's line of a job whose server is ready to log in (or still
/// being probed), and the job details with the command, the known_hosts advice and the new key.
struct LoginSnapshotTests {
    /// The three jobs of the layout tests, web-01's reinstall ready to log in, and a second
    /// reinstall (of batch-locked, on loopback) whose probe is still trying.
    private func state(width: Int, height: Int) -> AppState {
        var state = Fixtures.loadedState(width: width, height: height)
        JobsLayoutSnapshotTests.addThreeJobs(&state)
        LoginSamples.readyWeb(&state)
        var locked = Fixtures.locked
        locked.addresses = ["vpc-1": [.init(addr: "127.0.0.3")]]
        _ = reduce(&state, .reinstallAccepted(jobId: "job-lk", serverId: locked.id, serverName: locked.name, api: .v1,
                                               at: state.now))
        var driver = FollowDriver()
        _ = driver.job(&state, LoginSamples.job(.success, id: "job-lk"))
        _ = driver.answer(&state, "job-lk", .server(locked))
        let target = LoginTarget(address: "127.0.0.3", port: 22, kind: .ssh, user: "root", keypairName: "deploy-rsa")
        _ = reduce(&state, .loginProbed(jobId: "job-lk", check: 0, LoginSamples.probe(
            [.failed(reason: "connection refused"), .failed(reason: "connection refused")], target: target)))
        state.flash = nil
        return state
    }

    @Test(arguments: [(80, 24), (120, 35)])
    func thePaneSaysReadyToLogInBesideSuccess(width: Int, height: Int) {
        let screen = render(state(width: width, height: height))
        assertSnapshot(screen, named: "login-pane-\(width)x\(height)")
        let lines = screen.lines
        let web = lines.firstIndex { $0.hasPrefix(" web-01 ") } ?? -1
        #expect(web >= 0 && lines[web].contains("SUCCESS"), "\(lines.joined(separator: "\n"))")
        let readiness = lines.first { $0.contains("ready to log in: ssh -i ~/.ssh/deploy-rsa.pem root@192.168.0.11") }
        #expect(readiness != nil, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("checking SSH on 127.0.0.3:22… (2 attempts, the last: connection refused)") })
        let row = lines.firstIndex { $0.contains("ready to log in") } ?? 0
        let x = lines[row].range(of: "ready").map { lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound) } ?? 0
        #expect(screen[x, row].style.color == .green, "ready is said in green")
    }

    @Test(arguments: [(80, 24), (120, 35)])
    func theDetailsHoldTheCommandTheAdviceAndTheNewKey(width: Int, height: Int) throws {
        var state = state(width: width, height: height)
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        _ = reduce(&state, .key(.enter))
        let screen = render(state)
        assertSnapshot(screen, named: "login-details-\(width)x\(height)")
        // Every line of the details (those below the fold too), wrapped lines joined.
        let tracker = try #require(state.jobs.first { $0.jobId == LoginSamples.jobId })
        let text = JobDetailsView.lines(state, tracker).map { $0.map(\.text).joined() }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        let footer = render(state).lines.joined(separator: "\n")
        for expected in ["Status SUCCESS", "Login SSH answers after 1m12s", "Banner SSH-2.0-OpenSSH_9.2p1",
                         "ssh -i ~/.ssh/deploy-rsa.pem root@192.168.0.11",
                         "run: ssh-keygen -R 192.168.0.11", "line 3: ssh-ed25519 (plain)",
                         "line 9: ecdsa-sha2-nistp256 (hashed)",
                         "new host key: ssh-ed25519 SHA256:q2Wc7pYh0x4mUfB1sJvN8tRkLdE3aZ9gH6iOyPbXwCo"] {
            #expect(text.contains(expected), "\(expected)\n\(text)")
        }
        #expect(footer.contains("x known_hosts"), "the key is offered in the details' footer\n\(footer)")
        // The command alone on its row, whole, for copying.
        let rows = JobDetailsView.lines(state, tracker).map { $0.map(\.text).joined() }
        #expect(rows.contains { $0.hasPrefix("Command") && $0.hasSuffix(" ssh -i ~/.ssh/deploy-rsa.pem root@192.168.0.11") },
                "\(rows.joined(separator: "\n"))")
    }

    /// Text from the server (its SSH banner) never reaches the terminal as it came.
    @Test func aBannerWithControlCharactersIsShownHarmless() {
        var state = Fixtures.loadedState(width: 120, height: 35)
        LoginSamples.readyWeb(&state)
        let evil = LoginSamples.report(readiness: .answered(after: .seconds(3), banner: "SSH-2.0-x\u{1B}]0;owned\u{07}\u{1B}[2J"))
        _ = reduce(&state, .loginReported(jobId: LoginSamples.jobId, check: 0, evil))
        _ = reduce(&state, .key(.character("J")))
        _ = reduce(&state, .key(.enter))
        let screen = render(state)
        let cells = (0..<screen.height).flatMap { y in (0..<screen.width).map { screen[$0, y].text } }.joined()
        #expect(!cells.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(screen.lines.joined().contains("SSH-2.0-x"))
    }
}

extension LoginSnapshotTests {
    /// `x` from the job details: the question and its keys are seen (the details box covers the
    /// flash and footer rows at 80x24), and Esc answers it.
    @Test func theQuestionAskedFromTheDetailsIsSeen() {
        var state = state(width: 80, height: 24)
        _ = reduce(&state, .key(.character("J")))
        state.jobsPane.selectedJobId = LoginSamples.jobId
        _ = reduce(&state, .key(.enter))
        #expect(Mode.of(state) == .jobDetails)
        _ = reduce(&state, .key(.character("x")))
        let screen = render(state)
        assertSnapshot(screen, named: "login-question-from-details-80x24")
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("? y/n"), "\(text)")
        #expect(text.contains("y remove") && text.contains("n keep"), "\(text)")
        #expect(reduce(&state, .key(.escape)) == [])
        #expect(Mode.of(state) == .jobsPane && state.jobsPane.hostKeyQuestion == nil && state.flash == nil)
    }
}
