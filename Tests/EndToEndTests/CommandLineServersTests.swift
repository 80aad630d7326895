import Foundation
import Testing

/// `ecs-reinstall servers` against the standalone simulator.
@Suite("Command line: servers", .serialized, .timeLimit(.minutes(1)))
struct CommandLineServersTests {
    @Test("The table lists every page, CJK names padded by display width")
    func table() async throws {
        // More servers than the largest page (1000), so the listing must follow the pages.
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--servers", "1500"]))
        let result = try await cli.run(["servers"])
        #expect(result.status == 0, "\(result.all)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1501, "1500 servers and the header; got \(lines.count) lines")
        #expect(Set(lines.dropFirst().compactMap { $0.firstMatch(of: /[0-9a-f]{8}-[0-9a-f-]{27}/).map { String($0.0) } }).count == 1500)
        #expect(lines.first?.hasPrefix("NAME") == true)
        #expect(!result.stderr.contains("DEMO"), "credentials are configured: not the demo")
        // The id column starts at the same display column on every line, CJK or not.
        let web = try #require(lines.first { $0.hasPrefix("web-01 ") })
        let cjk = try #require(lines.first { $0.hasPrefix("数据库-主节点") })
        func idColumn(_ line: String, _ id: String) -> Int? {
            guard let range = line.range(of: id) else { return nil }
            return line[..<range.lowerBound].reduce(0) { $0 + ($1.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1) }
        }
        #expect(idColumn(web, "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01") == idColumn(cjk, "1e3a5c7f-9b1d-4f3a-85c7-e9b1d3f5a705"))
    }

    @Test("--demo --region cn-east-3 opens the demo account's cn-east-3 project; a region it has not is refused")
    func demoRegionPicksAProjectOfTheSameAccount() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let east = try await cli.run(["servers", "--demo", "--region", "cn-east-3", "--json"], credentials: false)
        #expect(east.status == 0, "\(east.all)")
        let names = try #require(try jsonObject(east.stdout)["servers"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["east-web-01", "east-db-01", "east-win-01"], "\(names)")
        let elsewhere = try await cli.run(["servers", "--demo", "--region", "eu-west-101"], credentials: false)
        #expect(elsewhere.status == 2, "\(elsewhere.all)")
        #expect(elsewhere.stderr.contains("the demo account has projects in cn-north-4, cn-east-3, ap-southeast-1 only"),
                "\(elsewhere.all)")
    }

    @Test("--json has a stable shape; --filter matches name, IP and status")
    func json() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(["servers", "--json", "--filter", "192.168.1."])
        #expect(result.status == 0, "\(result.all)")
        let object = try jsonObject(result.stdout)
        #expect(Set(object.keys) == ["count", "servers", "demo", "credentials"])
        #expect(object["demo"] as? Bool == false)
        #expect((object["credentials"] as? String)?.hasPrefix("environment") == true)
        let servers = try #require(object["servers"] as? [[String: Any]])
        #expect(object["count"] as? Int == servers.count)
        #expect(Set(servers.compactMap { $0["name"] as? String }) == ["数据库-主节点", "数据库-从节点"])
        let keys: Set<String> = [
            "id", "name", "status", "task_state", "private_ip", "image_id", "image_name", "os_type", "flavor",
            "availability_zone", "key_name", "locked", "has_system_disk", "enterprise_project_id",
        ]
        for server in servers { #expect(Set(server.keys) == keys) }
        #expect(servers.allSatisfy { $0["enterprise_project_id"] as? String == "0" })

        let locked = try await cli.run(["servers", "--json", "--filter", "batch-LOCKED"])
        let found = try #require(try jsonObject(locked.stdout)["servers"] as? [[String: Any]])
        #expect(found.count == 1 && found.first?["locked"] as? Bool == true)

        let shutoff = try await cli.run(["servers", "--json", "--filter", "shutoff"])
        let stopped = try #require(try jsonObject(shutoff.stdout)["servers"] as? [[String: Any]])
        #expect(!stopped.isEmpty && stopped.allSatisfy { $0["status"] as? String == "SHUTOFF" }, "\(shutoff.all)")
    }

    @Test("Control characters in a name are shown as \\xHH, never sent to the terminal; JSON keeps them exactly")
    func controlCharactersInNames() async throws {
        let id = "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01"
        let name = "web\u{1B}]0;pwned\u{07}\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\\u{1B}[2J\u{9B}31m\u{7F}"
        let shown = "web\\x1B]0;pwned\\x07\\x1B]52;c;cm0gLXJmIH4=\\x1B\\\\x1B[2J\\x9B31m\\x7F"
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--rename", "\(id)=\(name)"]))
        func controls(_ text: String) -> [UInt32] {
            text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }.map(\.value)
        }

        let table = try await cli.run(["servers"])
        #expect(table.status == 0, "\(table.all)")
        #expect(!table.stdout.utf8.contains(0x1B), "no ESC byte on stdout")
        #expect(controls(table.all).isEmpty, "\(controls(table.all))")
        let row = try #require(table.stdout.split(separator: "\n").first { $0.contains(id) })
        #expect(row.hasPrefix(shown + " "), "\(row)")

        // JSON is exact data: the name decodes to what the cloud holds, and DEL and C1 are escaped too.
        let json = try await cli.run(["servers", "--json", "--filter", id])
        #expect(controls(json.stdout).isEmpty, "\(controls(json.stdout))")
        let servers = try #require(try jsonObject(json.stdout)["servers"] as? [[String: Any]])
        #expect(servers.first?["name"] as? String == name)

        // Messages on stderr that name the server: web-01 is running, so this is refused.
        let refused = try await cli.run(["reinstall", id, "--keypair", "deploy-rsa", "--yes"])
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.stderr.contains(shown + " is running"), "\(refused.all)")
        #expect(controls(refused.all).isEmpty, "\(controls(refused.all))")
    }

    @Test("With --demo the commands use the demo's simulated cloud and say so on stderr and in JSON")
    func demo() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(["servers", "--demo", "--filter", "web-0"], credentials: false)
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stderr.contains("DEMO — simulated cloud"), "\(result.all)")
        #expect(result.stdout.contains("web-01") && result.stdout.contains("web-02") && !result.stdout.contains("DEMO"))

        let json = try await cli.run(["servers", "--json", "--demo"], credentials: false)
        #expect(json.status == 0, "\(json.all)")
        let object = try jsonObject(json.stdout)
        #expect(object["demo"] as? Bool == true)
        #expect((object["credentials"] as? String)?.hasPrefix("demo") == true, "\(json.stdout)")
    }

    @Test("Without credentials and without --demo the commands exit 3, listing every place looked at")
    func noCredentials() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        for command in [["servers"], ["servers", "--json"], ["job", "0123456789abcdef0123456789abcdef"],
                        ["reinstall", "web-01", "--keypair", "k", "--yes"]] {
            let result = try await cli.run(command, credentials: false)
            #expect(result.status == 3, "\(command): \(result.all)")
            #expect(result.stdout.isEmpty, "nothing on stdout: \(result.stdout)")
            for place in ["HUAWEICLOUD_SDK_AK", cli.scratch.path(".huaweicloud/credentials"),
                          cli.scratch.path(".hcloud/config.json"), closedMetadataURL, "--demo"] {
                #expect(result.stderr.contains(place), "\(command) must name \(place): \(result.stderr)")
            }
            #expect(!result.stderr.contains("DEMO"), "never the demo by surprise: \(result.stderr)")
        }
    }

    @Test("--profile NAME uses that KooCLI profile, its region included, and says so")
    func kooCLIProfile() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let folder = cli.scratch.path(".hcloud")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/config.json"
        let profile = #"{"name": "ops", "mode": "AKSK", "accessKeyId": "\#(StandaloneSimulator.accessKey)", "#
            + #""secretAccessKey": "\#(StandaloneSimulator.secretKey)", "securityToken": "", "region": "cn-north-4", "projectId": ""}"#
        try Data(#"{"current": "other", "profiles": [\#(profile)]}"#.utf8).write(to: URL(fileURLWithPath: config))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)

        // No --region: the profile's.
        let result = try await cli.run(["servers", "--json", "--profile", "ops", "--endpoint", cli.simulator.url],
                                       credentials: false)
        #expect(result.status == 0, "\(result.all)")
        let object = try jsonObject(result.stdout)
        #expect(object["credentials"] as? String == "KooCLI profile ops in \(config)", "\(result.stdout)")
        #expect(object["demo"] as? Bool == false)

        let missing = try await cli.run(["servers", "--profile", "nope", "--endpoint", cli.simulator.url], credentials: false)
        #expect(missing.status != 0 && missing.stderr.contains("--profile nope") && missing.stderr.contains("ops"),
                "\(missing.all)")
        #expect(!missing.all.contains(StandaloneSimulator.secretKey))
    }

    @Test("servers --json with an ECS agency's temporary credentials from the metadata service")
    func agencyCredentials() async throws {
        var cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--metadata"]))
        cli.metadataURL = cli.simulator.url
        // No AK/SK: the chain reaches the metadata service, which names the region and the project.
        let result = try await cli.run(["servers", "--json", "--endpoint", cli.simulator.url], credentials: false)
        #expect(result.status == 0, "\(result.all)")
        let object = try jsonObject(result.stdout)
        #expect(object["demo"] as? Bool == false)
        #expect(object["credentials"] as? String == "ECS metadata (agency)", "\(result.stdout)")
        #expect((object["count"] as? Int ?? 0) > 0)
        #expect(!result.stderr.contains("DEMO"))
    }

    @Test("Exit codes: 3 for refused credentials, 4 for an unreachable cloud, 2 for wrong usage")
    func exitCodes() async throws {
        var cli = try CLISession(simulator: try await StandaloneSimulator())
        let unreachable = try await cli.run(["servers"], endpoint: "http://127.0.0.1:9")
        #expect(unreachable.status == 4, "\(unreachable.all)")
        #expect(unreachable.stderr.contains("the connection was refused"), "\(unreachable.all)")

        let usage = try await cli.run(["servers", "--no-such-option"])
        #expect(usage.status == 2, "\(usage.all)")

        cli.secretKey = "WRONGSK0000000000000000000000000000000000"
        let refused = try await cli.run(["servers"])
        #expect(refused.status == 3, "\(refused.all)")
        #expect(refused.stderr.contains("APIGW.0301"), "\(refused.all)")
        #expect(!refused.all.contains(cli.secretKey), "the secret key must never be printed")
    }
}
