import Foundation
import Testing

@testable import Reinstall

/// known_hosts read as ssh reads it, on scratch files; the removal is the real `ssh-keygen -R`.
struct KnownHostsTests {
    static let key = "AAAAC3NzaC1lZDI1NTE5AAAAIPFuWT+/Hoc4/YKrtFR1gK1SMQyhXl75ajdsZ0n43xG6"
    /// ssh-keygen -H's form for 10.0.0.5 with the salt 01 02 … 14, computed with Python's hmac.
    static let hashed105 = "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|WMGZELMZftjUWFSEsmVJX3FsHpw="

    static let file = """
        # a comment naming 10.0.0.5 ssh-ed25519 \(key)
        10.0.0.5 ssh-ed25519 \(key)
        web-01,10.0.0.5 ecdsa-sha2-nistp256 \(key)
        [10.0.0.5]:2222 ssh-rsa \(key)
        10.0.0.50 ssh-ed25519 \(key)
        @cert-authority 10.0.0.5 ssh-ed25519 \(key)
        @revoked 10.0.0.5 ssh-ed25519 \(key)
        10.0.0.* ssh-rsa \(key)
        10.0.0.*,!10.0.0.5 ssh-rsa \(key)
        \(hashed105) ssh-ed25519 \(key)
        |1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|AAAAAAAAAAAAAAAAAAAAAAAAAAA= ssh-ed25519 \(key)

          \t
        10.0.0.6 ssh-ed25519 \(key)

        """

    @Test func theHashedFormIsSshKeygensWithAKnownSalt() {
        #expect(KnownHosts.hashedField(name: "10.0.0.5", salt: Array(1...20) as [UInt8]) == Self.hashed105)
    }

    @Test func plainCommaListWildcardAndHashedEntriesAreFoundCommentsAndMarkersAreNot() {
        let entries = KnownHosts.entries(in: Self.file, hostName: "10.0.0.5")
        #expect(entries.map(\.line) == [2, 3, 8, 10])
        #expect(entries.map(\.hashed) == [false, false, false, true])
        #expect(entries.map(\.keyType) == ["ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", "ssh-ed25519"])
    }

    @Test func anotherPortIsLookedUpAsBracketedAddressAndPort() {
        #expect(KnownHosts.hostName(address: "10.0.0.5", port: 2222) == "[10.0.0.5]:2222")
        #expect(KnownHosts.hostName(address: "10.0.0.5", port: 22) == "10.0.0.5")
        #expect(KnownHosts.entries(in: Self.file, hostName: "[10.0.0.5]:2222").map(\.line) == [4])
        #expect(KnownHosts.entries(in: Self.file, hostName: "10.0.0.7").map(\.line) == [8, 9],
                "the wildcards: 10.0.0.* matches 10.0.0.7, and !10.0.0.5 rules out .5 only")
        #expect(KnownHosts.entries(in: Self.file, hostName: "192.168.0.11").isEmpty)
    }

    @Test func theLinesFoundAreTheOnesSshKeygenFinds() async throws {
        guard let keygen = OpenSSHTools.required("ssh-keygen") else { return }
        let scratch = try ScratchFolder()
        let file = try scratch.file("known_hosts", Self.file)
        for name in ["10.0.0.5", "[10.0.0.5]:2222", "10.0.0.6", "10.0.0.7"] {
            let output = try await OpenSSHTools.run(keygen, ["-F", name, "-f", file.path])
            // `# Host NAME found: line N`, with CA or REVOKED after it for marker lines (not host keys).
            let theirs = output.split(separator: "\n").filter { $0.hasPrefix("# Host ") }
                .compactMap { Int($0.split(separator: " ").last ?? "") }
            #expect(KnownHosts.entries(in: Self.file, hostName: name).map(\.line) == theirs, "\(name)")
        }
    }

    @Test func linesHashedBySshKeygenAreFound() async throws {
        guard let keygen = OpenSSHTools.required("ssh-keygen") else { return }
        let scratch = try ScratchFolder()
        let file = try scratch.file("known_hosts", "web-01,10.0.0.5 ssh-ed25519 \(Self.key)\n10.0.0.6 ssh-rsa \(Self.key)\n")
        _ = try await OpenSSHTools.run(keygen, ["-H", "-f", file.path])
        let hashed = try String(contentsOf: file, encoding: .utf8)
        #expect(!hashed.contains("10.0.0.5"), "ssh-keygen -H left the name in clear: \(hashed)")
        let findings = try KnownHosts.read(file: file, address: "10.0.0.5", port: 22, environment: [:])
        #expect(findings.entries == [KnownHosts.Entry(line: 2, hashed: true, keyType: "ssh-ed25519")],
                "web-01 and 10.0.0.5 become a line each")
    }

    @Test func aMissingFileHoldsNoEntries() throws {
        let scratch = try ScratchFolder()
        let findings = try KnownHosts.read(file: scratch.url.appendingPathComponent("none"), address: "10.0.0.5",
                                           port: 22, environment: [:])
        #expect(findings.entries.isEmpty)
    }

    @Test func theRemovalCommandNamesTheFileOnlyWhenItIsNotTheDefault() {
        var findings = KnownHosts.Findings(file: "/home/op/.ssh/known_hosts", hostName: "10.0.0.5", entries: [],
                                           isDefaultFile: true)
        #expect(findings.removalCommand == "ssh-keygen -R 10.0.0.5")
        findings = KnownHosts.Findings(file: "/srv/demo dir/known_hosts", hostName: "[10.0.0.5]:2222", entries: [],
                                       isDefaultFile: false)
        #expect(findings.removalArguments == ["ssh-keygen", "-R", "[10.0.0.5]:2222", "-f", "/srv/demo dir/known_hosts"])
        #expect(findings.removalCommand == "ssh-keygen -R '[10.0.0.5]:2222' -f '/srv/demo dir/known_hosts'")
    }

    @Test func theDefaultFileIsUnderThePasswdHomeAsForSshThenHOME() throws {
        #expect(KnownHosts.defaultFile(environment: ["HOME": "/elsewhere"], passwdHome: "/home/op").path
            == "/home/op/.ssh/known_hosts")
        #expect(KnownHosts.defaultFile(environment: ["HOME": "/elsewhere"], passwdHome: nil).path
            == "/elsewhere/.ssh/known_hosts", "no passwd entry")
    }

    @Test func aFileUnderAHOMEThatIsNotSshsIsNamedInTheRemovalCommand() throws {
        let scratch = try ScratchFolder()
        let home = scratch.url.path
        try #require(KnownHosts.passwdHome() != home)
        let file = scratch.url.appendingPathComponent(".ssh/known_hosts")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: file)
        // ssh-keygen -R without -f would edit the passwd home's file, not this one.
        let findings = try KnownHosts.read(file: file, address: "10.0.0.5", port: 22, environment: ["HOME": home])
        #expect(!findings.isDefaultFile)
        #expect(findings.removalArguments == ["ssh-keygen", "-R", "10.0.0.5", "-f", file.path])
    }

    @Test func theRemovalRunsSshKeygenOnTheFileAndLeavesTheRest() async throws {
        guard let keygen = OpenSSHTools.required("ssh-keygen") else { return }
        let scratch = try ScratchFolder()
        let file = try scratch.file("known_hosts", Self.file)
        let findings = try KnownHosts.read(file: file, address: "10.0.0.5", port: 22, environment: [:])
        #expect(findings.entries.count == 4)
        let removal = await findings.remove(tool: keygen)
        #expect(removal.succeeded, "\(removal.message)")
        #expect(removal.message == "removed 4 entries for 10.0.0.5 from \(file.path) (ssh-keygen keeps the old file as known_hosts.old)")
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(KnownHosts.entries(in: after, hostName: "10.0.0.5").isEmpty)
        for kept in ["10.0.0.50 ", "[10.0.0.5]:2222 ", "@cert-authority 10.0.0.5 ", "@revoked 10.0.0.5 ", "10.0.0.6 "] {
            #expect(after.contains(kept), "\(kept) was kept")
        }
        #expect(FileManager.default.fileExists(atPath: file.path + ".old"))
    }

    @Test func withoutSshKeygenTheRemovalSaysWhatToDo() async throws {
        let findings = KnownHosts.Findings(file: "/x/known_hosts", hostName: "10.0.0.5",
                                           entries: [.init(line: 1, hashed: false, keyType: "ssh-rsa")], isDefaultFile: false)
        let removal = await findings.remove(tool: nil)
        #expect(!removal.succeeded)
        #expect(removal.message == "ssh-keygen is not installed (package openssh-client): remove the entries for 10.0.0.5 from /x/known_hosts by hand")
    }
}
