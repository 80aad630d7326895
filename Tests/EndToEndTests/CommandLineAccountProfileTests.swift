import Foundation
import Testing

/// `servers`, `reinstall` and `job` with nothing but an ECS agency's temporary credentials, against
/// a simulator that refuses what real accounts refuse.
@Suite("Command line: a real account's refusals", .serialized, .timeLimit(.minutes(1)))
struct CommandLineAccountProfileTests {
    /// The commands on an "ECS" whose agency is the only credential: no AK/SK, an empty HOME, no
    /// region and no project given.
    private func agencySession(_ simulator: StandaloneSimulator) throws -> CLISession {
        var cli = try CLISession(simulator: simulator)
        cli.metadataURL = simulator.url
        return cli
    }

    private func run(_ cli: CLISession, _ arguments: [String]) async throws -> CLISession.Result {
        try await cli.run(arguments + ["--endpoint", cli.simulator.url], credentials: false)
    }

    @Test("Every refusal at once: servers, reinstall --wait and job succeed, userid left out")
    func everyRefusalAtOnce() async throws {
        let cli = try agencySession(try await StandaloneSimulator(extra: AccountProfile.allRefusals()))

        let listed = try await run(cli, ["servers", "--json"])
        #expect(listed.status == 0, "\(listed.all)")
        let list = try jsonObject(listed.stdout)
        #expect(list["demo"] as? Bool == false, "\(listed.stdout.suffix(200))")
        #expect(list["credentials"] as? String == "ECS metadata (agency)", "\(listed.stdout.suffix(200))")
        let servers = try #require(list["servers"] as? [[String: Any]])
        #expect(list["count"] as? Int == AccountProfile.grantedServers && servers.count == AccountProfile.grantedServers)
        #expect(servers.allSatisfy { $0["enterprise_project_id"] is String }, "every server names its enterprise project")
        #expect(Set(servers.compactMap { $0["enterprise_project_id"] as? String }) == ["0", AccountProfile.firstEP])
        #expect(!servers.contains { ($0["name"] as? String)?.hasPrefix("bms-node") == true }, "no bare metal")
        #expect(!listed.stderr.contains("DEMO"), "\(listed.stderr)")

        let reinstalled = try await run(cli, ["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes", "--wait", "--json"])
        #expect(reinstalled.status == 0, "\(reinstalled.all)")
        let report = try jsonObject(reinstalled.stdout)
        #expect(report["outcome"] as? String == "accepted", "\(reinstalled.all)")
        #expect(report["status"] as? String == "SUCCESS", "\(reinstalled.all)")
        #expect(report["userid_sent"] as? Bool == false, "\(reinstalled.all)")
        #expect(report["demo"] as? Bool == false && report["credentials"] as? String == "ECS metadata (agency)")
        let jobId = try #require(report["job_id"] as? String, "\(reinstalled.all)")

        let shown = try await run(cli, ["job", jobId, "--json"])
        #expect(shown.status == 0, "\(shown.all)")
        let job = try jsonObject(shown.stdout)
        #expect(job["job_id"] as? String == jobId && job["status"] as? String == "SUCCESS", "\(shown.all)")
        #expect(job["server_id"] as? String == report["server_id"] as? String, "\(shown.all)")
        #expect(job["demo"] as? Bool == false && job["credentials"] as? String == "ECS metadata (agency)", "\(shown.all)")

        let after = try await run(cli, ["servers", "--json", "--filter", "legacy-app"])
        let server = try #require((try jsonObject(after.stdout)["servers"] as? [[String: Any]])?.first, "\(after.all)")
        #expect(server["key_name"] as? String == "deploy-rsa" && server["status"] as? String == "ACTIVE", "\(server)")
    }
}

/// One refusal at a time, where the whole profile above does not already say it.
@Suite("Command line: one refusal of a real account", .serialized, .timeLimit(.minutes(1)))
struct CommandLineSingleRefusalTests {
    @Test("A user authorised per enterprise project, asking for one not granted, is told which permission is missing")
    func enterpriseProjectNotGranted() async throws {
        let simulator = try await StandaloneSimulator(extra: ["--servers", String(AccountProfile.servers),
                                                              "--granted-eps", "0,\(AccountProfile.firstEP)"])
        let cli = try CLISession(simulator: simulator)
        for command in [["servers", "--enterprise-project", AccountProfile.secondEP],
                        ["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes",
                         "--enterprise-project", AccountProfile.secondEP]] {
            let refused = try await cli.run(command)
            #expect(refused.status == 1, "\(command): \(refused.all)")
            #expect(refused.stdout.isEmpty, "\(command): \(refused.stdout)")
            for words in ["Ecs.0110", "ecs:cloudServers:list", "enterprise project \(AccountProfile.secondEP)",
                          "list an enterprise project you are granted"] {
                #expect(refused.stderr.contains(words), "\(command) must say \(words): \(refused.stderr)")
            }
        }
    }

    @Test("reinstall --wait outlives temporary credentials of 2 s: they are renewed and every poll is accepted")
    func shortLivedAgencyCredentials() async throws {
        let simulator = try await StandaloneSimulator(
            extra: ["--metadata", "--temporary-credentials-seconds", "2", "--job-seconds", "6", "--log-requests"])
        var cli = try CLISession(simulator: simulator)
        cli.metadataURL = simulator.url
        let result = try await cli.run(["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--yes", "--wait", "--json",
                                        "--endpoint", simulator.url], credentials: false)
        #expect(result.status == 0, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(report["status"] as? String == "SUCCESS" && report["credentials"] as? String == "ECS metadata (agency)",
                "\(result.all)")
        #expect(!result.stderr.contains("expired"), "\(result.stderr)")
        #expect(simulator.securityKeyReads >= 3, "renewed from the metadata service: \(simulator.securityKeyReads) reads")
    }

    @Test("A name not found says where it was looked for: the granted enterprise projects, bare metal left out")
    func nameNotFoundSaysWhere() async throws {
        let simulator = try await StandaloneSimulator(extra: ["--granted-eps", "0,\(AccountProfile.firstEP)", "--bare-metal", "1"])
        let cli = try CLISession(simulator: simulator)
        let missing = try await cli.run(["reinstall", "bms-node-01", "--keypair", "deploy-rsa", "--yes"])
        #expect(missing.status == 1, "\(missing.all)")
        #expect(missing.stderr.contains("No server has the id or the name 'bms-node-01' among the servers of "
            + "all granted enterprise projects (bare metal servers are left out)"), "\(missing.stderr)")
        let narrowed = try await cli.run(["reinstall", "web-01", "--keypair", "deploy-rsa", "--yes",
                                          "--enterprise-project", AccountProfile.firstEP])
        #expect(narrowed.status == 1, "\(narrowed.all)")
        #expect(narrowed.stderr.contains("among the servers of enterprise project \(AccountProfile.firstEP)"),
                "\(narrowed.stderr)")
    }
}
