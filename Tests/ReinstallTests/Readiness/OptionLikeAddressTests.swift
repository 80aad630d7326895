import Foundation
import Testing

@testable import Reinstall

/// An address that looks like an option (`-oProxyCommand=…`, chosen with --login-address or sent
/// by a cloud) reaches ssh-keyscan and ssh-keygen as an address, never as an option.
struct OptionLikeAddressTests {
    static let address = "-oProxyCommand=touch pwned"

    @Test func sshKeyscanGetsItAfterTheEndOfOptions() async throws {
        let scratch = try ScratchFolder()
        let argumentsFile = scratch.url.appendingPathComponent("arguments").path
        // A stand-in ssh-keyscan that writes down its arguments, one a line.
        let keyscan = try scratch.file("ssh-keyscan", "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '\(argumentsFile)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: keyscan.path)
        let target = LoginTarget(address: Self.address, port: 22, kind: .ssh, user: "root")
        _ = await HostKeyScan.scan(target, policy: .realCloud, timeout: .seconds(5), tool: ExternalTool(executable: keyscan))
        let arguments = try String(contentsOfFile: argumentsFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments.suffix(2) == ["--", Self.address], "\(arguments)")
    }

    @Test(arguments: [address, "-f"])
    func sshKeygenTakesItAsTheHostToRemove(name: String) async throws {
        guard let keygen = OpenSSHTools.required("ssh-keygen") else { return }
        let scratch = try ScratchFolder()
        let file = try scratch.file("known_hosts", "10.0.0.5 ssh-ed25519 \(KnownHostsTests.key)\n")
        let findings = KnownHosts.Findings(file: file.path, hostName: name, entries: [], isDefaultFile: false)
        let removal = await findings.remove(tool: keygen)
        #expect(removal.succeeded, "ssh-keygen read \(name) as the host name: \(removal.message)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("10.0.0.5 "), "the other entries are left")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("pwned").path))
    }
}
