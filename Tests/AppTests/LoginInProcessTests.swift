import Foundation
import HuaweiCloud
import Reinstall
import ScreenCapture
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import App

/// After a reinstall, the whole app against the simulator playing reinstalled servers on loopback
/// addresses, each answering with an SSH banner once booted: SUCCESS, then "ready to log in" with
/// the advice about a scratch known_hosts, the removal of its old entries on `y`, and a probe that
/// gives up within its bound without holding anything up. The probe waits on a virtual clock.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct LoginInProcessTests {
    /// A scratch known_hosts holding, for `hostName`, a plain entry and a hashed one, between a
    /// comment and an entry of another host, which must both survive the removal.
    private func scratchKnownHosts(for hostName: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-login-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("known_hosts")
        let salt = Data((0..<20).map { UInt8($0 * 7 % 256) })
        let key = "AAAAC3NzaC1lZDI1NTE5AAAAIHt0aGUgb2xkIHN5c3RlbSBkaXNrJ3Mga2V5IQ=="
        let text = """
            # earlier logins
            \(hostName),web-01.internal ssh-ed25519 \(key)
            10.9.9.9 ssh-ed25519 \(key)
            \(KnownHosts.hashedField(name: hostName, salt: salt)) ssh-ed25519 \(key)

            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// web-01 from the list to its submitted reinstall (key pair, v2), then the cloud's job done.
    private func reinstallWeb01(_ app: InProcessApp) async {
        app.press(.enter)
        await app.untilIdle()
        app.press(.backTab, .backTab, .enter)
        app.type("web-01")
        app.press(.enter)
        await app.untilIdle()
        app.cloud.finishJobs()
    }

    private func words(_ screen: String) -> String {
        screen.replacingOccurrences(of: "│", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("Reinstall → SUCCESS → ready to log in, with the known_hosts advice; y removes the old entries")
    func aReinstalledServerIsReadyToLogInAndTheOldKeyGoes() async throws {
        let cloud = try await TestCloud.start(loginPorts: true)
        let port = try #require(await cloud.simulator.loginPort)
        let address = try await cloud.client.showServer(id: SubmissionInProcessTests.web01).privateIP ?? ""
        #expect(Loopback.isAddress(address), "the simulator gives web-01 a loopback address: \(address)")
        let hostName = "[\(address)]:\(port)"
        let knownHosts = try scratchKnownHosts(for: hostName)
        defer { try? FileManager.default.removeItem(at: knownHosts.deletingLastPathComponent()) }
        let app = try await InProcessApp.start(cloud: cloud, width: 120, height: 35, knownHosts: knownHosts)

        await reinstallWeb01(app)
        await app.until { $0.state.jobs.first?.login?.report != nil }
        let pane = app.screen
        #expect(AppScreen.jobPane(pane, server: "web-01")?[2] == "SUCCESS", "the status word stays\n\(pane)")
        #expect(pane.contains("ready to log in: ssh -p \(port) "), "\(pane)")
        #expect(app.probeClock.now.offset == .zero, "the port answered at the first attempt, nothing waited")

        app.press(.character("J"), .enter)
        let details = words(app.screen)
        for expected in [
            "Status SUCCESS", "Login SSH answers at once", "Banner SSH-2.0-OpenSSH_9.6 ecs-reinstall-simulator",
            "known_hosts has 2 entries for \(hostName) (1 hashed): the old host key; run: ssh-keygen -R '\(hostName)' -f \(knownHosts.path)",
            "line 2: ssh-ed25519 (plain)", "line 4: ssh-ed25519 (hashed)", "root@\(address)",
            "new host key not read: \(HostKeyScan.simulatedServer)",
        ] {
            #expect(details.contains(expected), "\(expected)\n\(app.screen)")
        }

        app.press(.escape, .character("x"))
        #expect(app.screen.contains("Remove 2 old host key entries for \(hostName) from"), "\(app.screen)")
        app.press(.character("y"))
        await app.untilIdle()
        let left = try String(contentsOf: knownHosts, encoding: .utf8)
        #expect(!left.contains(hostName) && !left.contains("|1|"), "the plain and the hashed entry are gone:\n\(left)")
        #expect(left.contains("# earlier logins") && left.contains("10.9.9.9 ssh-ed25519"), "the rest stays:\n\(left)")
        #expect(app.screen.contains("removed 2 entries for \(hostName)"), "\(app.screen)")
        #expect(app.state.jobs.first?.login?.oldEntries == nil, "read again: nothing left to remove")
        #expect(!app.screen.contains("known_hosts has"), "\(app.screen)")
        await app.stop()
    }

    @Test("known_hosts is made when the check first reads it, and a file that cannot be made is said")
    func knownHostsIsPreparedWhenFirstRead() async throws {
        let cloud = try await TestCloud.start(loginPorts: true)
        let port = try #require(await cloud.simulator.loginPort)
        let address = try await cloud.client.showServer(id: SubmissionInProcessTests.web01).privateIP ?? ""
        let seeded = try scratchKnownHosts(for: "[\(address)]:\(port)")
        defer { try? FileManager.default.removeItem(at: seeded.deletingLastPathComponent()) }
        let file = seeded.deletingLastPathComponent().appendingPathComponent("made-later")
        // The file the check reads does not exist until `prepare` runs, after the probe has ended.
        let app = try await InProcessApp.start(cloud: cloud, knownHosts: file, prepare: {
            try FileManager.default.copyItem(at: seeded, to: file)
        })
        await reinstallWeb01(app)
        await app.until { $0.state.jobs.first?.login?.report != nil }
        #expect(app.state.jobs.first?.login?.oldEntries?.entries.count == 2, "read after it was made")
        await app.stop(keepingCloud: true)

        let failing = try await InProcessApp.start(cloud: cloud, prepare: {
            throw CocoaError(.fileWriteNoPermission)
        })
        failing.press(.enter)
        await failing.untilIdle()
        failing.press(.backTab, .backTab, .enter)
        failing.type("web-01")
        failing.press(.enter)
        await failing.untilIdle()
        failing.cloud.finishJobs()
        await failing.until { $0.state.jobs.first?.login?.report != nil }
        let report = try #require(failing.state.jobs.first?.login?.report)
        #expect(report.readiness.isReady)
        #expect(report.knownHostsLine?.hasPrefix("known_hosts not read: ") == true, "\(String(describing: report.knownHostsLine))")
        await failing.stop()
    }

    @Test("A port that never answers: the probe gives up within its bound and holds nothing up")
    func anUnreachablePortGivesUpWithinItsBound() async throws {
        let cloud = try await TestCloud.start(loginPorts: true)
        let settings = ReadinessSettings(policy: .simulatedCloud, port: try Self.closedPort(),
                                         schedule: ProbeSchedule(giveUpAfter: .seconds(30)))
        let app = try await InProcessApp.start(cloud: cloud, login: settings)
        await reinstallWeb01(app)
        await app.until { ($0.state.jobs.first?.login?.probe?.attempts ?? 0) >= 1 }
        #expect(app.screen.contains("checking SSH on 127."), "\(app.screen)")
        #expect(app.screen.contains("the last: connection refused"), "\(app.screen)")
        // Nothing waits for the probe (which waits on a clock that does not move): the app
        // settles while it still runs, and the list moves.
        await app.untilIdle()
        #expect(app.state.jobs.first?.login?.isProbing == true)
        let selected = app.selectedServer
        app.press(.character("j"))
        #expect(app.selectedServer != selected)

        var steps = 0
        while app.state.jobs.first?.login?.readiness == nil, steps < 20 {
            await app.until { $0.probeClock.sleeperCount > 0 || $0.state.jobs.first?.login?.readiness != nil }
            app.probeClock.advance(by: .seconds(15))
            steps += 1
        }
        await app.until { $0.state.jobs.first?.login?.report != nil }
        guard case let .unreachable(reason, after)? = app.state.jobs.first?.login?.readiness else {
            Issue.record("not given up: \(String(describing: app.state.jobs.first?.login))")
            return
        }
        #expect(reason == "connection refused")
        #expect(after == .seconds(30), "the configured bound is the one stated")
        // Given up at its bound on the probe's clock: not before it (after several attempts),
        // and not long after.
        #expect((app.state.jobs.first?.login?.probe?.attempts ?? 0) > 1)
        #expect(app.probeClock.now.offset >= .seconds(30) && app.probeClock.now.offset <= .seconds(45),
                "\(app.probeClock.now.offset)")
        #expect(app.screen.contains("not reachable from here: connection refused (gave up after 30s; normal when this"),
                "\(app.screen)")
        // Quitting does not wait for anything of it.
        app.press(.character("q"))
        #expect(app.state.quitRequested)
        await app.stop()
    }

    /// A loopback port nothing listens on: bound to learn a free one, then closed.
    private static func closedPort() throws -> Int {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, stream, 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
