import Foundation
import HuaweiCloud
import Testing

@testable import Reinstall

/// The one wording of the readiness step, and its JSON.
struct LoginReportTests {
    let ssh = LoginTarget(address: "10.0.0.5", port: 22, kind: .ssh, user: "root", keypairName: "ops")

    private func findings(_ hashed: [Bool], name: String = "10.0.0.5", isDefault: Bool = true) -> KnownHosts.Findings {
        KnownHosts.Findings(
            file: isDefault ? "/home/op/.ssh/known_hosts" : "/srv/demo/known_hosts", hostName: name,
            entries: hashed.enumerated().map { .init(line: $0.offset + 1, hashed: $0.element, keyType: "ssh-ed25519") },
            isDefaultFile: isDefault)
    }

    @Test func aServerThatAnsweredWithAnOldEntryReadsInTheOneWording() {
        let report = LoginReport(
            target: ssh, readiness: .answered(after: .seconds(72), banner: "SSH-2.0-OpenSSH_9.2p1"),
            knownHosts: findings([false, true]),
            hostKeys: .keys([HostKey(type: "ssh-ed25519", fingerprint: "SHA256:abc")]),
            loginCommand: "ssh root@10.0.0.5")
        #expect(report.lines == [
            "SSH answers after 1m12s",
            "known_hosts has 2 entries for 10.0.0.5 (1 hashed): the old host key; run: ssh-keygen -R 10.0.0.5",
            "new host key: ssh-ed25519 SHA256:abc",
            "ready to log in: ssh root@10.0.0.5",
        ])
    }

    @Test func oneEntryNoneHashedAndANonDefaultFile() {
        let report = LoginReport(target: ssh, readiness: .answered(after: .seconds(3), banner: nil),
                                 knownHosts: findings([false], isDefault: false), hostKeys: nil,
                                 loginCommand: "ssh root@10.0.0.5")
        #expect(report.knownHostsLine
            == "known_hosts has 1 entry for 10.0.0.5: the old host key; run: ssh-keygen -R 10.0.0.5 -f /srv/demo/known_hosts")
    }

    @Test func anUnreachableServerStillShowsHowToLogIn() {
        let rdp = LoginTarget(address: "10.0.0.9", port: 3389, kind: .rdp, user: "Administrator")
        let report = LoginReport(target: rdp, readiness: .unreachable(reason: "timed out after 5s", after: .seconds(300)),
                                 knownHosts: findings([]), hostKeys: nil, loginCommand: "10.0.0.9:3389")
        #expect(report.lines == [
            "not reachable from here: timed out after 5s (gave up after 5m; normal when this host is in another network)",
            "to log in: 10.0.0.9:3389",
        ])
        let answered = LoginReport(target: rdp, readiness: .answered(after: .seconds(40), banner: nil),
                                   knownHosts: findings([false], name: "10.0.0.9"), hostKeys: nil,
                                   loginCommand: "10.0.0.9:3389")
        #expect(answered.readinessLine == "RDP answers after 40s")
        #expect(answered.knownHostsLine == nil, "RDP has no SSH host key to remove")
        let atOnce = LoginReport(target: ssh, readiness: .answered(after: .milliseconds(3), banner: nil), knownHosts: nil,
                                 hostKeys: nil, loginCommand: "ssh root@10.0.0.5")
        #expect(atOnce.readinessLine == "SSH answers at once", "open when first tried, not 'after 3ms'")
    }

    @Test func theJSONHasEveryKeyAndReadsBackTheSame() throws {
        let report = LoginReport(
            target: ssh, readiness: .answered(after: .milliseconds(1500), banner: "SSH-2.0-x"),
            knownHosts: findings([true]), hostKeys: .unavailable(HostKeyScan.simulatedServer),
            loginCommand: "ssh root@10.0.0.5")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "address", "port", "kind", "user", "keypair_name", "state", "ready", "after_seconds", "banner", "reason",
            "message", "known_hosts", "known_hosts_error", "host_keys", "host_keys_note", "login_command",
        ])
        #expect(object["state"] as? String == "answered")
        #expect(object["ready"] as? Bool == true)
        #expect(object["after_seconds"] as? Double == 1.5)
        #expect(object["message"] as? String == "SSH answers after 2s")
        #expect(object["host_keys"] is NSNull)
        let known = try #require(object["known_hosts"] as? [String: Any])
        #expect(known["remove_command"] as? String == "ssh-keygen -R 10.0.0.5")
        #expect((known["entries"] as? [Any])?.count == 1)
        #expect(try JSONDecoder().decode(LoginReport.self, from: data) == report)
    }

    @Test func notProbedSaysWhy() throws {
        let report = LoginReport(target: ssh, readiness: .notProbed(reason: "10.0.0.5 is not a loopback address"),
                                 knownHosts: nil, hostKeys: nil, loginCommand: "ssh root@10.0.0.5")
        #expect(report.readinessLine == "not probed: 10.0.0.5 is not a loopback address")
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(LoginReport.self, from: data) == report)
    }
}

/// The login command, for copying, and the target it is for.
struct LoginCommandTests {
    @Test func sshNamesTheKeyThePortAndTheKnownHostsFileWhenNeeded() {
        let target = LoginTarget(address: "10.0.0.5", port: 22, kind: .ssh, user: "root")
        #expect(LoginCommand(target: target).text == "ssh root@10.0.0.5")
        var other = target
        other.port = 2222
        #expect(LoginCommand(target: other, keyFile: "~/.ssh/ops.pem", knownHostsFile: "/srv/a b/known_hosts").text
            == "ssh -i ~/.ssh/ops.pem -p 2222 -o 'UserKnownHostsFile=\"/srv/a b/known_hosts\"' root@10.0.0.5",
            "ssh splits the option's value on whitespace: double quotes keep the path one")
        #expect(LoginCommand(target: target, knownHostsFile: "/srv/x/known_hosts").text
            == "ssh -o UserKnownHostsFile=/srv/x/known_hosts root@10.0.0.5")
    }

    @Test func rdpIsTheAddressAndPort() {
        let target = LoginTarget(address: "10.0.0.9", port: 3389, kind: .rdp, user: "Administrator")
        #expect(LoginCommand(target: target).text == "10.0.0.9:3389")
        let six = LoginTarget(address: "fd00::9", port: 3389, kind: .rdp, user: "Administrator")
        #expect(LoginCommand(target: six).text == "[fd00::9]:3389")
    }

    @Test func theKeyFileIsFoundUnderSshAsTheConsoleDownloadsIt() throws {
        let scratch = try ScratchFolder()
        let ssh = scratch.url.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        let environment = ["HOME": scratch.url.path]
        #expect(LoginCommand.keyFile(for: "ops", environment: environment) == nil)
        try Data().write(to: ssh.appendingPathComponent("ops"))
        #expect(LoginCommand.keyFile(for: "ops", environment: environment) == "~/.ssh/ops")
        try Data().write(to: ssh.appendingPathComponent("ops.pem"))
        #expect(LoginCommand.keyFile(for: "ops", environment: environment) == "~/.ssh/ops.pem")
        #expect(LoginCommand.keyFile(for: "../ops", environment: environment) == nil)
    }

    @Test func theTargetOfAServerIsItsPrivateAddressAndTheOSsPort() {
        let linux = Server(id: "s1", name: "web-01", status: .active, imageId: "i", metadata: ["os_type": "Linux"],
                           addresses: ["net": [.init(addr: "192.168.0.11")]], keyName: "ops")
        #expect(LoginTarget.of(server: linux)
            == LoginTarget(address: "192.168.0.11", port: 22, kind: .ssh, user: "root", keypairName: "ops"))
        #expect(LoginTarget.of(server: linux, port: 2022, address: "127.0.0.3")
            == LoginTarget(address: "127.0.0.3", port: 2022, kind: .ssh, user: "root", keypairName: "ops"))
        var windows = linux
        windows.metadata["os_type"] = "Windows"
        windows.keyName = nil
        #expect(LoginTarget.of(server: windows)
            == LoginTarget(address: "192.168.0.11", port: 3389, kind: .rdp, user: "Administrator"))
        var bare = linux
        bare.addresses = [:]
        #expect(LoginTarget.of(server: bare) == nil)
    }

    @Test func nothingToProbeIsANotProbedReportThatIsNotReady() throws {
        let settings = ReadinessSettings(policy: .realCloud, port: 2022)
        // The job named no server: one rule for reinstall and job, a report (exit 6), never a skip.
        let none = try #require(settings.notProbedReport(for: nil))
        #expect(none.readiness == .notProbed(reason: LoginTarget.noServer) && !none.readiness.isReady)
        #expect(none.lines == ["not probed: " + LoginTarget.noServer])
        var windows = Server(id: "s1", name: "w", status: .active, imageId: "i", metadata: ["os_type": "Windows"])
        let bare = try #require(settings.notProbedReport(for: windows))
        #expect(bare.target == LoginTarget(address: "", port: 2022, kind: .rdp, user: "Administrator"))
        #expect(bare.readiness == .notProbed(reason: LoginTarget.noAddress))
        windows.addresses = ["net": [.init(addr: "192.168.0.11")]]
        #expect(settings.notProbedReport(for: windows) == nil)
    }
}
