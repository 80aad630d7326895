import Foundation
import Testing

@testable import Reinstall

/// Ctrl-C during `--wait-login` cancels the check's task: whatever step it is at (a connection
/// attempt, the host key scan) must end at once, not at its own timeout.
@Suite(.timeLimit(.minutes(1)))
struct CancellationTests {
    @Test func aCancelledAttemptEndsWithoutWaitingForTheBanner() async throws {
        let listener = try await LoopbackListener.start(.silent)
        defer { listener.close() }
        let target = LoginTarget(address: "127.0.0.1", port: listener.port, kind: .ssh, user: "root")
        let clock = ContinuousClock()
        let start = clock.now
        let attempt = Task { await TCPPortProbe().attempt(target, timeout: .seconds(40)) }
        try await Task.sleep(for: .milliseconds(200))
        attempt.cancel()
        #expect(await attempt.value == .failed(reason: TCPPortProbe.cancelled))
        #expect(clock.now - start < .seconds(20), "ended by the cancellation, not by its 40 s timeout")
    }

    /// A port that answers at once, so the check goes straight on to the host key scan.
    struct Answering: PortProbe {
        func attempt(_ target: LoginTarget, timeout: Duration) async -> ProbeAnswer { .answered(banner: "SSH-2.0-x") }
    }

    @Test func aCancelledScanSaysSoRatherThanThatItCouldNotStart() async throws {
        let scratch = try ScratchFolder()
        let keyscan = try scratch.file("ssh-keyscan", "#!/bin/sh\nexec sleep 60\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: keyscan.path)
        let target = LoginTarget(address: "127.0.0.1", port: 22, kind: .ssh, user: "root")
        let scan = Task {
            await HostKeyScan.scan(target, policy: .realCloud, timeout: .seconds(30), tool: ExternalTool(executable: keyscan))
        }
        scan.cancel()
        #expect(await scan.value == .unavailable("the scan was cancelled (ssh-keyscan was stopped)"))
    }

    @Test func cancellingDuringTheHostKeyScanKillsSshKeyscanAndThrows() async throws {
        let scratch = try ScratchFolder()
        let pidFile = scratch.url.appendingPathComponent("pid").path
        // An ssh-keyscan that hangs (as one does against a port that sends a banner only).
        let keyscan = try scratch.file("ssh-keyscan", "#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 60\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: keyscan.path)
        let target = LoginTarget(address: "127.0.0.1", port: 22, kind: .ssh, user: "root")
        let check = LoginCheck(target: target, policy: .realCloud,
                               knownHostsFile: scratch.url.appendingPathComponent("known_hosts"), probe: Answering(),
                               environment: ["PATH": scratch.url.path, "HOME": scratch.url.path])
        let running = Task { try await check.run() }
        var pid: pid_t?
        while pid == nil {
            try await Task.sleep(for: .milliseconds(10))
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        running.cancel()
        await #expect(throws: CancellationError.self) { try await running.value }
        #expect(kill(try #require(pid), 0) == -1 && errno == ESRCH, "ssh-keyscan was stopped and reaped")
    }
}
