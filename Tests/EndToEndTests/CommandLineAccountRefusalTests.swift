import Foundation
import Testing

/// `ecs-reinstall reinstall` against a simulator that says no as a real account does: no IAM read
/// (the project from the caller's own projects, no user id) and no KPS (key pairs from ECS).
@Suite("Command line: an account without IAM read, a region without KPS", .serialized, .timeLimit(.minutes(1)))
struct CommandLineAccountRefusalTests {
    @Test("A key pair reinstall succeeds without IAM read and without KPS, userid left out")
    func keyPairWithoutIAMReadOrKPS() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--no-iam-read", "--no-kps"]))

        let dry = try await cli.run(["reinstall", "legacy-app", "--key-pair", "deploy-rsa", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.all)")
        let plan = try jsonObject(dry.stdout)
        #expect(plan["userid_sent"] as? Bool == false, "\(dry.all)")
        let body = try #require((plan["body"] as? [String: Any])?["os-reinstall"] as? [String: Any])
        #expect(body["keyname"] as? String == "deploy-rsa" && body["userid"] == nil, "\(body)")
        #expect(dry.stderr.contains("note: IAM user id not known: userid not sent (optional)"), "\(dry.all)")

        let given = try await cli.run(["reinstall", "legacy-app", "--key-pair", "deploy-rsa", "--user-id", "u-42",
                                       "--dry-run", "--json"])
        #expect(try jsonObject(given.stdout)["userid_sent"] as? Bool == true, "\(given.all)")

        let result = try await cli.run(["reinstall", "legacy-app", "--key-pair", "deploy-rsa", "--yes", "--wait", "--json"])
        #expect(result.status == 0, "\(result.all)")
        let report = try jsonObject(result.stdout)
        #expect(report["status"] as? String == "SUCCESS" && report["userid_sent"] as? Bool == false, "\(result.all)")
        #expect(try await cli.server(named: "legacy-app")["key_name"] as? String == "deploy-rsa")
    }

    @Test("A key pair that does not exist is still refused when the list comes from ECS")
    func missingKeyPairFromECS() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--no-kps"]))
        let result = try await cli.run(["reinstall", "legacy-app", "--key-pair", "no-such-key", "--yes"])
        #expect(result.status == 1 && result.stderr.contains("does not exist"), "\(result.all)")
    }
}
