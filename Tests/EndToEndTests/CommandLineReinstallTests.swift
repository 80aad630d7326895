import Foundation
import Reinstall
import Testing

/// `ecs-reinstall reinstall`: the guard rails, the dry run and --wait, against the standalone simulator.
@Suite("Command line: reinstall", .timeLimit(.minutes(1)))
struct CommandLineReinstallTests {
    static let password = "Sup3r-Secret.Pw"

    @Test("A weak password is refused with the policy's messages, and never printed")
    func weakPassword() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let weak = "rootabc"
        let result = try await cli.run(["reinstall", "legacy-app", "--password-stdin", "--yes"], input: weak + "\n")
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("error: Not sent: password: 8–26 characters (now 7);"), "\(result.all)")
        #expect(result.stderr.contains("password: no 'root' or 'toor'"), "\(result.all)")
        #expect(!result.stderr.contains("' found)"), "no fragment of the password is quoted: \(result.all)")
        #expect(!result.all.contains(weak))
        #expect(try await cli.server(named: "legacy-app")["status"] as? String == "SHUTOFF")

        // The Windows rules apply to a Windows server.
        let windows = "Admin1strat0r!"
        let refused = try await cli.run(["reinstall", "win-ad-01", "--password-stdin", "--yes"], input: windows + "\n")
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.stderr.contains("3-letter run of Administrator"), "\(refused.all)")
        #expect(!refused.all.contains(windows))
    }

    @Test("A key pair for Windows without Cloud-Init (v1) is refused with the plan's message")
    func windowsKeypairOnV1() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(["reinstall", "win-ad-01", "--keypair", "deploy-rsa", "--yes"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("Windows without Cloud-Init takes a password only"), "\(result.all)")
    }

    @Test("With --json, a refusal before sending is a not_started result on stdout too")
    func refusalsAreJSON() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let refused = try await cli.run(["reinstall", "win-ad-01", "--keypair", "deploy-rsa", "--yes", "--json"])
        #expect(refused.status == 1, "\(refused.all)")
        let report = try jsonObject(refused.stdout)
        #expect(report["outcome"] as? String == "not_started" && report["server_name"] as? String == "win-ad-01", "\(report)")
        #expect((report["message"] as? String)?.contains("Windows without Cloud-Init takes a password only") == true)
        #expect(report["demo"] as? Bool == false && report["job_id"] is NSNull)

        let missing = try await cli.run(["reinstall", "no-such-server", "--keypair", "deploy-rsa", "--yes", "--json"])
        #expect(missing.status == 1, "\(missing.all)")
        let nothing = try jsonObject(missing.stdout)
        #expect(nothing["outcome"] as? String == "not_started" && nothing["server_id"] is NSNull, "\(nothing)")
    }

    @Test("Pre-flight: ACTIVE without --stop, locked, no system disk, no terminal without --yes")
    func preflight() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let active = try await cli.run(["reinstall", "web-01", "--keypair", "deploy-rsa", "--yes"])
        #expect(active.status == 1 && active.stderr.contains("pass --stop"), "\(active.all)")

        let locked = try await cli.run(["reinstall", "batch-locked", "--keypair", "deploy-rsa", "--stop", "--yes"])
        #expect(locked.status == 1 && locked.stderr.contains("is locked"), "\(locked.all)")

        let noDisk = try await cli.run(["reinstall", "scratch-nodisk", "--keypair", "deploy-rsa", "--yes"])
        #expect(noDisk.status == 1 && noDisk.stderr.contains("no system disk"), "\(noDisk.all)")

        let unconfirmed = try await cli.run(["reinstall", "legacy-app", "--password-stdin"], input: Self.password + "\n")
        #expect(unconfirmed.status == 1 && unconfirmed.stderr.contains("pass --yes"), "\(unconfirmed.all)")
        #expect(!unconfirmed.all.contains(Self.password))

        let missingKey = try await cli.run(["reinstall", "数据库-从节点", "--keypair", "no-such-key", "--yes"])
        #expect(missingKey.status == 1 && missingKey.stderr.contains("does not exist"), "\(missingKey.all)")

        let noEvidence = try await cli.run(["reinstall", "imported-app", "--password-stdin", "--yes"],
                                           input: Self.password + "\n")
        #expect(noEvidence.status == 1 && noEvidence.stderr.contains("--cloud-init yes"), "\(noEvidence.all)")
        let chosen = try await cli.run(["reinstall", "imported-app", "--password-stdin", "--cloud-init", "no", "--dry-run"],
                                       input: Self.password + "\n")
        #expect(chosen.status == 0 && chosen.stdout.hasPrefix("POST \(cli.simulator.url)/v1/"), "\(chosen.all)")

        // A server in ERROR may be reinstalled, with a warning.
        let error = try await cli.run(["reinstall", "cache-01", "--keypair", "deploy-rsa", "--dry-run"])
        #expect(error.status == 0 && error.stderr.contains("warning: cache-01 is in ERROR"), "\(error.all)")

        // Nothing was sent: every server is as it was, and no job was journaled.
        for name in ["web-01", "legacy-app", "数据库-从节点"] {
            #expect(try await cli.server(named: name)["task_state"] is NSNull)
        }
        #expect(try await cli.server(named: "legacy-app")["status"] as? String == "SHUTOFF")
        #expect(cli.journal().isEmpty)
    }

    @Test("Usage errors exit 2: no login, two logins, a malformed CMK id")
    func usage() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let none = try await cli.run(["reinstall", "legacy-app", "--yes"])
        #expect(none.status == 2, "\(none.all)")
        let both = try await cli.run(["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--password-stdin"])
        #expect(both.status == 2, "\(both.all)")
        let cmk = try await cli.run(["reinstall", "legacy-app", "--keypair", "deploy-rsa", "--encrypt-cmk", "abc"])
        #expect(cmk.status == 2 && cmk.stderr.contains("36 characters"), "\(cmk.all)")
    }

    @Test("A name two servers share is refused, listing both; an id still works")
    func ambiguousName() async throws {
        let first = "b4e6a8c1-2d3f-4b5a-9c7e-1f3a5b7d9c03", second = "7a2d4f6b-8c1e-4a3f-b5d7-9e1c3a5f7b02"
        let simulator = try await StandaloneSimulator(extra: ["--rename", "\(first)=twin", "--rename", "\(second)=twin"])
        let cli = try CLISession(simulator: simulator)
        let result = try await cli.run(["reinstall", "twin", "--keypair", "deploy-rsa", "--dry-run"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("ambiguous") && result.stderr.contains(first) && result.stderr.contains(second),
                "\(result.all)")

        let byId = try await cli.run(["reinstall", first, "--password-stdin", "--dry-run"], input: Self.password + "\n")
        #expect(byId.status == 0, "\(byId.all)")
        #expect(byId.stdout.contains("/cloudservers/\(first)/reinstallos"), "\(byId.all)")
    }

    @Test("--dry-run prints the exact request with the password masked and sends nothing")
    func dryRun() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let userData = cli.scratch.path("cloud-init.yaml")
        try Data("#cloud-config\nruncmd: [echo hi]\n".utf8).write(to: URL(fileURLWithPath: userData))
        let cmk = "0f1e2d3c-4b5a-4697-8877-665544332211"
        let result = try await cli.run(
            ["reinstall", "web-02", "--keypair", "deploy-rsa", "--stop", "--user-data", userData, "--encrypt-cmk", cmk,
             "--byol", "--dry-run"])
        #expect(result.status == 0, "\(result.all)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("POST \(cli.simulator.url)/v2/") == true, "\(result.all)")
        #expect(lines.first?.hasSuffix("/cloudservers/7a2d4f6b-8c1e-4a3f-b5d7-9e1c3a5f7b02/reinstallos") == true)
        let body = try jsonObject(lines.count > 1 ? lines[1] : "")
        let inner = try #require(body["os-reinstall"] as? [String: Any])
        #expect(inner["keyname"] as? String == "deploy-rsa" && inner["adminpass"] == nil, "a key pair is kept with user data")
        #expect(inner["mode"] as? String == "withStopServer")
        let metadata = try #require(inner["metadata"] as? [String: String])
        #expect(metadata["__system__encrypted"] == "1" && metadata["__system__cmkid"] == cmk && metadata["BYOL"] == "true")
        #expect(metadata["user_data"].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
                == "#cloud-config\nruncmd: [echo hi]\n")
        // web-02 logs in with ops-ed25519 today: the changed key is said before anything is sent.
        #expect(result.stderr.contains("warning: The login key changes: web-02 has key pair 'ops-ed25519' today"),
                "\(result.all)")

        // A password is shown masked.
        let password = try await cli.run(["reinstall", "web-02", "--password-stdin", "--stop", "--dry-run"],
                                         input: Self.password + "\n")
        #expect(password.status == 0, "\(password.all)")
        #expect(password.stdout.contains(#""adminpass":"••••""#), "\(password.all)")
        #expect(!password.all.contains(Self.password))

        // Sent nothing: web-02 is still running with no task, and no job was journaled.
        let server = try await cli.server(named: "web-02")
        #expect(server["status"] as? String == "ACTIVE" && server["task_state"] is NSNull)
        #expect(cli.journal().isEmpty)

        // --json gives the same request as an object.
        let json = try await cli.run(["reinstall", "web-02", "--keypair", "deploy-rsa", "--stop", "--dry-run", "--json"])
        let object = try jsonObject(json.stdout)
        #expect(object["dry_run"] as? Bool == true && object["method"] as? String == "POST" && object["api"] as? String == "v2")
        // The simulator's IAM gives the user id, so it goes with the key pair.
        #expect(object["userid_sent"] as? Bool == true, "\(object)")
        #expect(object["demo"] as? Bool == false && object["credentials"] != nil)
    }

    @Test("User data on the v1 endpoint is refused")
    func userDataNeedsV2() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let userData = cli.scratch.path("u.txt")
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: userData))
        let result = try await cli.run(["reinstall", "legacy-app", "--password-stdin", "--user-data", userData, "--yes"],
                                       input: Self.password + "\n")
        #expect(result.status == 1 && result.stderr.contains("v2"), "\(result.all)")
    }

    @Test("A password with user data on Linux v2 is refused before sending, in the form's words")
    func passwordWithUserDataOnLinuxV2() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let userData = cli.scratch.path("users.yaml")
        try Data("#cloud-config\nusers: [{name: ops}]\n".utf8).write(to: URL(fileURLWithPath: userData))
        let result = try await cli.run(
            ["reinstall", "数据库-从节点", "--password-stdin", "--user-data", userData, "--yes"], input: Self.password + "\n")
        #expect(result.status == 1, "\(result.all)")
        // The exact line the form shows on its checklist and its refusal (DraftValidation).
        #expect(result.stderr.contains("error: Not sent: \(DraftValidation.passwordIgnoredLabel)\n"), "\(result.all)")
        #expect(result.stderr.contains("hint: use --keypair NAME, or --no-login"), "\(result.all)")
        #expect(!result.all.contains(Self.password))
        // Nothing reached the cloud: no task on the server, no job journaled.
        let server = try await cli.server(named: "数据库-从节点")
        #expect(server["status"] as? String == "SHUTOFF" && server["task_state"] is NSNull)
        #expect(cli.journal().isEmpty)
    }

    @Test("--no-login is only valid with --user-data, and the review warning is printed")
    func noLogin() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let bare = try await cli.run(["reinstall", "数据库-从节点", "--no-login", "--yes"])
        #expect(bare.status == 2 && bare.stderr.contains("--no-login is only valid with --user-data"), "\(bare.all)")

        let userData = cli.scratch.path("users.yaml")
        try Data("#cloud-config\nusers: [{name: ops}]\n".utf8).write(to: URL(fileURLWithPath: userData))
        let dry = try await cli.run(["reinstall", "数据库-从节点", "--no-login", "--user-data", userData, "--dry-run"])
        #expect(dry.status == 0, "\(dry.all)")
        #expect(dry.stderr.contains("warning: No key pair and no password: the user data must create a login"), "\(dry.all)")
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        let inner = try #require(try jsonObject(lines.count > 1 ? lines[1] : "")["os-reinstall"] as? [String: Any])
        #expect(inner["keyname"] == nil && inner["adminpass"] == nil && inner["userid"] == nil, "\(inner)")
        #expect((inner["metadata"] as? [String: String])?["user_data"] != nil)

        // On v1 (legacy-app has no Cloud-Init) user data and so no login are refused.
        let v1 = try await cli.run(["reinstall", "legacy-app", "--no-login", "--user-data", userData, "--yes"])
        #expect(v1.status == 1 && v1.stderr.contains("user data needs the v2 endpoint"), "\(v1.all)")
    }

    @Test("--wait follows a password reinstall on v1 to SUCCESS and journals it before printing the job id")
    func waitToSuccess() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(["reinstall", "legacy-app", "--password-stdin", "--yes", "--wait", "--json"],
                                       input: Self.password + "\n")
        #expect(result.status == 0, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(Set(report.keys) == ["outcome", "job_id", "status", "server_id", "server_name", "api", "server_status",
                                     "error_code", "fail_reason", "message", "userid_sent", "login", "demo",
                                     "credentials"])
        #expect(report["userid_sent"] is NSNull, "a password login sends no userid: \(report)")
        #expect(report["login"] is NSNull, "no readiness step without --wait-login")
        #expect(report["demo"] as? Bool == false && (report["credentials"] as? String)?.hasPrefix("environment") == true)
        #expect(report["outcome"] as? String == "accepted" && report["status"] as? String == "SUCCESS")
        #expect(report["api"] as? String == "v1")
        #expect((report["server_status"] as? String).map { $0 != "REBUILD" } == true, "\(report)")
        let jobId = try #require(report["job_id"] as? String)
        #expect(result.stderr.contains("job \(jobId): SUCCESS"), "\(result.all)")
        #expect(!result.all.contains(Self.password))
        // The journal has the job, finished, under the account's scope; never the password.
        let journal = cli.journal()
        #expect(journal.contains(jobId) && journal.contains("\"lastStatus\":\"SUCCESS\""), "\(journal)")
        let entry = try jsonObject(String(journal.split(separator: "\n").first ?? ""))
        #expect((entry["scope"] as? String)?.hasPrefix("cn-north-4/") == true, "\(journal)")
        #expect(entry["finishedAt"] != nil, "finished once the server has booted: \(journal)")
        #expect(!journal.contains(Self.password))
    }

    @Test("--wait reports a failed job with exit code 1")
    func waitToFail() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator(failureRate: 1))
        let result = try await cli.run(["reinstall", "web-01", "--keypair", "deploy-rsa", "--stop", "--yes", "--wait"])
        #expect(result.status == 1, "\(result.all)")
        let jobId = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!jobId.isEmpty && result.stderr.contains("job \(jobId): FAIL"), "\(result.all)")
        #expect(result.stderr.contains("failed"), "\(result.all)")
        #expect(cli.journal().contains("\"lastStatus\":\"FAIL\""), "\(cli.journal())")
    }

    @Test("--wait follows the server of a job the cloud forgot, and says what became of it")
    func waitAfterALostJob() async throws {
        // The simulator answers the job once, then forgets it (404) while the server rebuilds;
        // the job lasts long enough for the server to be seen in REBUILD after the loss.
        let cli = try CLISession(simulator: try await StandaloneSimulator(
            extra: ["--faults", "lostjob=1", "--job-seconds", "5"]))
        let result = try await cli.run(["reinstall", "web-01", "--keypair", "deploy-rsa", "--stop", "--yes", "--wait",
                                        "--json"])
        #expect(result.status == 1, "\(result.all)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "LOST", "\(result.all)")
        let status = try #require(report["server_status"] as? String, "\(result.all)")
        #expect(status != "REBUILD")
        #expect((report["message"] as? String)?.contains("job lost by the cloud; the server left REBUILD and is \(status)")
            == true, "\(result.all)")
        #expect(result.stderr.contains("following the server until it leaves REBUILD"), "\(result.all)")
        #expect(cli.journal().contains("\"lastStatus\":\"LOST\""), "\(cli.journal())")
        #expect(cli.journal().contains("\"finishedAt\""), "\(cli.journal())")
    }
}
