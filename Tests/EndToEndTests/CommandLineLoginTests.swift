import ChildProcess
import Foundation
import Testing

/// `--wait-login` end to end: the simulator's servers on loopback addresses, a banner listener per
/// reinstalled server, a scratch known_hosts. Nothing outside 127.0.0.0/8 is ever probed.
@Suite("Command line: ready to log in", .timeLimit(.minutes(1)))
struct CommandLineLoginTests {
    private func simulatorWithListeners() async throws -> (StandaloneSimulator, Int) {
        let simulator = try await StandaloneSimulator(extra: ["--loopback-addresses", "--login-port", "0"])
        guard let match = simulator.readyLine.firstMatch(of: /login port (\d+)/), let port = Int(match.1) else {
            throw EndToEndFailure(description: "the ready line names no login port: \(simulator.readyLine)")
        }
        return (simulator, port)
    }

    @Test("reinstall --wait-login --json reports the port that answered and the known_hosts entries to remove")
    func reinstallWaitLogin() async throws {
        let (simulator, port) = try await simulatorWithListeners()
        let cli = try CLISession(simulator: simulator)
        let server = try await cli.server(named: "legacy-app")
        let address = try #require(server["private_ip"] as? String)
        #expect(address.hasPrefix("127."), "\(server)")
        let knownHosts = cli.scratch.path("known_hosts")
        let name = "[\(address)]:\(port)"
        try Data("\(name) ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPFuWT+/Hoc4/YKrtFR1gK1SMQyhXl75ajdsZ0n43xG6\n".utf8)
            .write(to: URL(fileURLWithPath: knownHosts))

        let result = try await cli.run(
            ["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes", "--wait-login", "--login-port", String(port),
             "--known-hosts", knownHosts, "--json"])
        #expect(result.status == 0, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(report["status"] as? String == "SUCCESS", "--wait-login implies --wait: \(report)")
        let login = try #require(report["login"] as? [String: Any], "\(report)")
        #expect(login["state"] as? String == "answered" && login["ready"] as? Bool == true, "\(login)")
        #expect(login["address"] as? String == address && login["port"] as? Int == port && login["kind"] as? String == "ssh")
        #expect(login["banner"] as? String == "SSH-2.0-OpenSSH_9.6 ecs-reinstall-simulator", "\(login)")
        #expect((login["message"] as? String)?.hasPrefix("SSH answers ") == true, "\(login)")
        let known = try #require(login["known_hosts"] as? [String: Any], "\(login)")
        #expect((known["entries"] as? [Any])?.count == 1)
        #expect(known["remove_command"] as? String == "ssh-keygen -R '\(name)' -f \(knownHosts)", "\(known)")
        #expect(login["login_command"] as? String
            == "ssh -p \(port) -o UserKnownHostsFile=\(knownHosts) root@\(address)", "\(login)")

        // Progress and the report's lines on stderr; the file itself is left alone.
        #expect(result.stderr.contains("login: probing SSH on \(address):\(port)"), "\(result.all)")
        #expect(result.stderr.contains("login: known_hosts has 1 entry for \(name): the old host key; run: ssh-keygen -R"),
                "\(result.all)")
        #expect(result.stderr.contains("login: ready to log in: ssh -p \(port)"), "\(result.all)")
        #expect(try String(contentsOfFile: knownHosts, encoding: .utf8).contains(name), "never edited by the command")
    }

    @Test("job --wait-login follows a job a script submitted, then probes its server")
    func jobWaitLogin() async throws {
        let (simulator, port) = try await simulatorWithListeners()
        let cli = try CLISession(simulator: simulator)
        let submitted = try await cli.run(["reinstall", "数据库-从节点", "--keypair", "deploy-rsa", "--yes"])
        #expect(submitted.status == 0, "\(submitted.all)")
        let jobId = submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let knownHosts = cli.scratch.path("none/known_hosts")

        let result = try await cli.run(["job", jobId, "--wait-login", "--login-port", String(port), "--known-hosts",
                                        knownHosts, "--json"])
        #expect(result.status == 0, "\(result.all)")
        let job = try jsonObject(result.stdout)
        #expect(job["status"] as? String == "SUCCESS", "\(job)")
        let login = try #require(job["login"] as? [String: Any], "\(job)")
        #expect(login["ready"] as? Bool == true && login["user"] as? String == "root", "\(login)")
        #expect((login["known_hosts"] as? [String: Any])?["entries"] as? [Any] != nil, "a missing file holds none: \(login)")
        #expect(!result.stderr.contains("known_hosts has"), "no advice without entries: \(result.all)")
        #expect(result.stderr.contains("login: ready to log in: ssh -p \(port) "), "\(result.all)")
    }

    @Test("A port that never answers ends with exit 6 after --login-timeout: the reinstall itself succeeded")
    func unreachableIsExitSix() async throws {
        let (simulator, _) = try await simulatorWithListeners()
        let cli = try CLISession(simulator: simulator)
        // The listener answers at its own port; port 9 (discard) is closed, as for the metadata service.
        let result = try await cli.run(
            ["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes", "--wait-login", "--login-port", "9",
             "--login-timeout", "3", "--json"])
        #expect(result.status == 6, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(report["status"] as? String == "SUCCESS", "\(report)")
        let login = try #require(report["login"] as? [String: Any], "\(report)")
        #expect(login["state"] as? String == "unreachable" && login["reason"] as? String == "connection refused", "\(login)")
        #expect(result.stderr.contains("login: not reachable from here: connection refused (gave up after 3s"), "\(result.all)")
        #expect(result.stderr.contains("trying again in 2s"), "\(result.all)")
    }

    @Test("Ctrl-C while probing: reinstall and job both exit 130 and both print their JSON, login null")
    func interruptedWhileProbingPrintsTheJSON() async throws {
        let (simulator, _) = try await simulatorWithListeners()
        let cli = try CLISession(simulator: simulator)
        let submitted = try await cli.run(["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes"])
        let jobId = submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(submitted.status == 0, "\(submitted.all)")
        // Port 9 is closed: the probe goes on trying until interrupted.
        for arguments in [["job", jobId], ["reinstall", "数据库-从节点", "--keypair", "deploy-rsa", "--yes"]] {
            let command = try Background(cli, arguments + ["--wait-login", "--login-port", "9", "--login-timeout", "120",
                                                           "--json"])
            _ = try await command.waitForOutput("the probe's start on stderr") { _, err in
                err.contains("login: probing SSH") ? "" : nil
            }
            #expect(sendSignal(command.pid, SIGINT) == 0)
            let status = try await ChildProcess.wait(command.pid, timeout: .seconds(10))
            #expect(status == 130, "\(arguments[0]): \(command.stderr)")
            let printed = try jsonObject(command.stdout)
            #expect(printed["status"] as? String == "SUCCESS", "\(arguments[0]): \(printed)")
            #expect(printed.keys.contains("login") && printed["login"] is NSNull, "\(arguments[0]): \(printed)")
        }
    }

    @Test("An endpoint on loopback is a simulated cloud: its servers' private addresses are never probed")
    func loopbackEndpointRefusesPrivateAddresses() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(
            ["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes", "--wait-login", "--json"])
        #expect(result.status == 6, "\(result.all)")
        let login = try #require(try jsonObject(result.stdout)["login"] as? [String: Any])
        #expect(login["state"] as? String == "not_probed", "\(login)")
        #expect((login["reason"] as? String)?.contains("192.168.0.21 is not a loopback address") == true, "\(login)")
        #expect(!result.stderr.contains("login: probing"), "\(result.all)")
    }

    @Test("An ECS endpoint on loopback from the SDK's variables is a simulated cloud too",
          arguments: ["127.0.0.1", "LOCALHOST"])
    func loopbackEndpointFromEnvironment(host: String) async throws {
        let simulator = try await StandaloneSimulator()
        let cli = try CLISession(simulator: simulator)
        let url = simulator.url.replacingOccurrences(of: "127.0.0.1", with: host)
        // Every service from the environment, none from --endpoint: the servers are read from a
        // loopback endpoint all the same.
        var endpoints = ["HUAWEICLOUD_SDK_IAM_ENDPOINT": url]
        for service in ["ECS", "IMS", "IAM", "KPS"] { endpoints["HUAWEICLOUD_SDK_REGION_\(service)_CN_NORTH_4"] = url }
        let result = try await cli.run(
            ["reinstall", "legacy-app", "--region", "cn-north-4", "--keypair", "deploy-rsa", "--yes", "--wait-login",
             "--login-timeout", "1", "--json"], extraEnvironment: endpoints, noEndpoint: true)
        #expect(result.status == 6, "\(result.all)")
        let login = try #require(try jsonObject(result.stdout)["login"] as? [String: Any], "\(result.all)")
        #expect(login["state"] as? String == "not_probed", "\(login)")
        #expect((login["reason"] as? String)?.contains("192.168.0.21 is not a loopback address") == true, "\(login)")
        #expect(!result.stderr.contains("login: probing"), "\(result.all)")
    }

    @Test("reinstall --wait-login on the demo: a loopback server, the demo's known_hosts and its advice")
    func demoJobWaitLogin() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(
            ["reinstall", "legacy-app", "--demo", "--demo-job-seconds", "1", "--keypair", "deploy-rsa", "--yes",
             "--wait-login", "--json"], credentials: false)
        #expect(result.status == 0, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(report["demo"] as? Bool == true)
        let login = try #require(report["login"] as? [String: Any], "\(report)")
        #expect(login["ready"] as? Bool == true, "\(login)")
        #expect((login["address"] as? String)?.hasPrefix("127.") == true, "\(login)")
        let known = try #require(login["known_hosts"] as? [String: Any], "\(login)")
        #expect((known["entries"] as? [Any])?.count == 2 && known["is_default_file"] as? Bool == false, "\(known)")
        #expect((known["message"] as? String)?.contains("(1 hashed): the old host key; run: ssh-keygen -R") == true)
        #expect(login["host_keys_note"] as? String == "a simulated server has no SSH host key (its port sends a banner only)")
        #expect(result.stderr.contains("login: SSH answers "), "\(result.all)")
    }

    @Test("The demo makes its known_hosts folder only to probe (mode 0700), and removes it, interrupted or not")
    func theDemoScratchFolderIsMadeWhenUsedAndRemoved() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let temporary = cli.scratch.path("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        func demoFolders() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("ecs-reinstall-demo-") }
        }
        let listed = try await cli.run(["servers", "--demo"], credentials: false, extraEnvironment: ["TMPDIR": temporary])
        #expect(listed.status == 0, "\(listed.all)")
        #expect(try demoFolders().isEmpty, "nothing probed, nothing made")

        var environment = cli.environment
        (environment["HUAWEICLOUD_SDK_AK"], environment["HUAWEICLOUD_SDK_SK"], environment["TMPDIR"]) = (nil, nil, temporary)
        let (out, err) = (cli.scratch.path("demo.out"), cli.scratch.path("demo.err"))
        let pid = try ChildProcess.spawn(
            [try AppBinary.locate().path, "reinstall", "legacy-app", "--demo", "--demo-job-seconds", "1", "--keypair",
             "deploy-rsa", "--yes", "--wait-login", "--login-port", "9", "--json"],
            environment: environment, stdout: out, stderr: err, newSession: true)
        let deadline = ContinuousClock.now + .seconds(20)
        while !((try? String(contentsOfFile: err, encoding: .utf8)) ?? "").contains("login: probing") {
            guard ContinuousClock.now < deadline else {
                kill(pid, SIGKILL)
                throw EndToEndFailure(description: "no probe: \((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let made = try demoFolders()
        #expect(made.count == 1, "\(made)")
        if let folder = made.first {
            let path = temporary + "/" + folder
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            #expect(FileManager.default.fileExists(atPath: path + "/known_hosts"))
        }
        #expect(sendSignal(pid, SIGINT) == 0)
        #expect(try await ChildProcess.wait(pid, timeout: .seconds(10)) == 130)
        #expect(try demoFolders().isEmpty, "removed on the way out")
    }

    @Test("The login options need --wait-login, and a port must be a port")
    func usage() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let alone = try await cli.run(["job", "0123", "--login-port", "2222"])
        #expect(alone.status == 2 && alone.stderr.contains("--login-port only applies with --wait-login"), "\(alone.all)")
        let bad = try await cli.run(["job", "0123", "--wait-login", "--login-port", "70000"])
        #expect(bad.status == 2 && bad.stderr.contains("--login-port must be 1…65535"), "\(bad.all)")
        let optionLike = try await cli.run(["job", "0123", "--wait-login", "--login-address=-oProxyCommand=x"])
        #expect(optionLike.status == 2 && optionLike.stderr.contains("--login-address must be an address or a host name"),
                "\(optionLike.all)")
    }
}
