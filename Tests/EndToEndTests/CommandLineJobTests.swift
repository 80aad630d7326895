import Foundation
import Testing

/// `ecs-reinstall job` against the standalone simulator.
@Suite("Command line: job", .serialized, .timeLimit(.minutes(1)))
struct CommandLineJobTests {
    @Test("A reinstall prints its job id; job shows it and --wait follows it to SUCCESS")
    func jobWait() async throws {
        // The second reinstall below must come while the job runs: 2 s is too short on a loaded machine.
        let cli = try CLISession(simulator: try await StandaloneSimulator(jobSeconds: 10))
        let submitted = try await cli.run(["reinstall", "数据库-从节点", "--keypair", "deploy-rsa", "--yes"])
        #expect(submitted.status == 0, "\(submitted.all)")
        let jobId = submitted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!jobId.isEmpty && !jobId.contains("\n"), "stdout must hold the job id only: \(submitted.stdout)")
        #expect(cli.journal().contains(jobId) && cli.journal().contains("SUBMITTED"))

        // While it runs, a second reinstall of the server is refused, saying what it waits for.
        let again = try await cli.run(["reinstall", "数据库-从节点", "--keypair", "deploy-rsa", "--yes"])
        #expect(again.status == 1 && again.stderr.contains("wait for"), "\(again.all)")

        let shown = try await cli.run(["job", jobId, "--json"])
        #expect(shown.status == 0, "\(shown.all)")
        let job = try jsonObject(shown.stdout)
        #expect(Set(job.keys) == ["job_id", "job_type", "status", "server_id", "begin_time", "end_time", "error_code",
                                  "fail_reason", "login", "demo", "credentials"])
        #expect(job["demo"] as? Bool == false)
        #expect(job["job_id"] as? String == jobId)
        #expect(["INIT", "RUNNING", "SUCCESS"].contains(job["status"] as? String ?? ""), "\(job)")

        let waited = try await cli.run(["job", jobId, "--wait"])
        #expect(waited.status == 0, "\(waited.all)")
        #expect(waited.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "SUCCESS", "\(waited.all)")
        #expect(cli.journal().contains("\"lastStatus\":\"SUCCESS\""), "the journal follows the job: \(cli.journal())")
    }

    @Test("An unknown job id exits 1 with the cloud's message")
    func unknownJob() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let result = try await cli.run(["job", "ff00ff00ff00ff00ff00ff00ff00ff00"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.all)")
    }
}
