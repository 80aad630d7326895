import Foundation
import Testing

@testable import Reinstall

/// SHA256 fingerprints as ssh shows them, and ssh-keyscan's output read.
struct HostKeyTests {
    @Test func theFingerprintOfAKnownKeyIsSshKeygens() {
        let key = HostKey(type: "ssh-ed25519", base64Blob: KnownHostsTests.key)
        // `ssh-keygen -lf` of that key line.
        #expect(key?.fingerprint == "SHA256:Ycry55hYSWpyWARP0e3ZEmK92fbP7tqOCz0oAMxLXmk")
        #expect(HostKey(type: "ssh-rsa", base64Blob: "not base64!") == nil)
    }

    @Test(arguments: ["ed25519", "ecdsa", "rsa"])
    func theFingerprintOfAFreshKeyIsTheOneSshKeygenPrints(type: String) async throws {
        guard let keygen = OpenSSHTools.required("ssh-keygen") else { return }
        let scratch = try ScratchFolder()
        let key = scratch.url.appendingPathComponent("key").path
        _ = try await OpenSSHTools.run(keygen, ["-q", "-t", type, "-N", "", "-C", "test", "-f", key])
        let line = try String(contentsOfFile: key + ".pub", encoding: .utf8).split(separator: " ")
        // `256 SHA256:… test (ED25519)`
        let listed = try await OpenSSHTools.run(keygen, ["-l", "-E", "sha256", "-f", key + ".pub"])
        let theirs = listed.split(separator: " ").dropFirst().first.map(String.init)
        #expect(HostKey(type: String(line[0]), base64Blob: String(line[1]))?.fingerprint == theirs)
    }

    @Test func keyscanOutputIsReadLineByLineSkippingComments() {
        let output = """
            # 127.0.0.1:22 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3
            127.0.0.1 ssh-ed25519 \(KnownHostsTests.key)
            # 127.0.0.1:22 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3
            127.0.0.1 ssh-rsa ???
            """
        #expect(HostKeyScan.parse(output) == [
            HostKey(type: "ssh-ed25519", fingerprint: "SHA256:Ycry55hYSWpyWARP0e3ZEmK92fbP7tqOCz0oAMxLXmk"),
        ])
    }

    @Test func nothingIsScannedForASimulatedServerOrAnRDPOne() async {
        let ssh = LoginTarget(address: "127.0.0.2", port: 22, kind: .ssh, user: "root")
        #expect(await HostKeyScan.scan(ssh, policy: .simulatedCloud) == .unavailable(HostKeyScan.simulatedServer))
        let rdp = LoginTarget(address: "127.0.0.2", port: 3389, kind: .rdp, user: "Administrator")
        #expect(await HostKeyScan.scan(rdp, policy: .realCloud) == .unavailable("an RDP server has no SSH host key"))
        #expect(await HostKeyScan.scan(ssh, policy: .realCloud, tool: nil)
            == .unavailable("ssh-keyscan is not installed (package openssh-client)"))
    }

    @Test func keyscanOfAPortThatOnlySendsABannerFindsNoKeyAndSaysSo() async throws {
        guard let keyscan = OpenSSHTools.required("ssh-keyscan") else { return }
        let listener = try await LoopbackListener.start(.banner("SSH-2.0-OpenSSH_9.2p1 Test\r\n"))
        defer { listener.close() }
        let target = LoginTarget(address: "127.0.0.1", port: listener.port, kind: .ssh, user: "root")
        let result = await HostKeyScan.scan(target, policy: .realCloud, timeout: .seconds(1), tool: keyscan)
        guard case let .unavailable(why) = result else {
            Issue.record("a banner alone gave keys: \(result)")
            return
        }
        #expect(why.hasPrefix("ssh-keyscan found no host key"))
    }
}
