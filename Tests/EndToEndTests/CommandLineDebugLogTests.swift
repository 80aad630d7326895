import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `--debug`: a line per HTTP exchange and the credential source in
/// `$XDG_STATE_HOME/ecs-reinstall/debug.log`, private to the user, never a secret; without it, no log.
@Suite("Command line: --debug", .serialized, .timeLimit(.minutes(1)))
struct CommandLineDebugLogTests {
    static let password = "Sup3r-Secret.Pw"
    static let userDataMarker = "user-data-only-the-server-may-read"

    private func logFile(_ cli: CLISession) -> String { cli.scratch.path("state/ecs-reinstall/debug.log") }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("Without --debug nothing is logged")
    func noLogWithoutDebug() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let listed = try await cli.run(["servers", "--json"])
        #expect(listed.status == 0, "\(listed.all)")
        let reinstalled = try await cli.run(["reinstall", "legacy-app", "--password-stdin", "--yes"], input: Self.password + "\n")
        #expect(reinstalled.status == 0, "\(reinstalled.all)")
        #expect(!FileManager.default.fileExists(atPath: logFile(cli)))
    }

    @Test("Each exchange is one line (method, URL, status, request id, time); no AK, SK, password or user data")
    func exchangesWithoutSecrets() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let userData = cli.scratch.path("cloud-init.yaml")
        try Data("#cloud-config\nruncmd: [echo \(Self.userDataMarker)]\n".utf8).write(to: URL(fileURLWithPath: userData))

        let password = try await cli.run(["reinstall", "legacy-app", "--password-stdin", "--yes", "--wait", "--debug"],
                                         input: Self.password + "\n")
        #expect(password.status == 0, "\(password.all)")
        let keypair = try await cli.run(["reinstall", "web-02", "--keypair", "deploy-rsa", "--user-data", userData,
                                         "--stop", "--yes", "--debug"])
        #expect(keypair.status == 0, "\(keypair.all)")

        let log = try String(contentsOfFile: logFile(cli), encoding: .utf8)
        #expect(try mode(logFile(cli)) == 0o600)
        #expect(try mode(cli.scratch.path("state/ecs-reinstall")) == 0o700)
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("credentials from environment (HUAWEICLOUD_SDK_AK)") }, "\(log)")
        let listing = try #require(lines.first { $0.contains("GET \(cli.simulator.url)/v1/") && $0.contains("/cloudservers/detail") },
                                   "\(log)")
        #expect(listing.contains(" 200 in ") && listing.contains(" ms, X-Request-Id ") && listing.contains("(attempt 1)"),
                "\(listing)")
        #expect(lines.filter { $0.contains("POST ") && $0.contains("/reinstallos 200 in ") }.count == 2, "\(log)")
        #expect(!lines.contains { $0.contains("X-Request-Id none") }, "the simulator sends a request id: \(log)")

        for secret in [StandaloneSimulator.accessKey, StandaloneSimulator.secretKey, Self.password, Self.userDataMarker,
                       Data(Self.userDataMarker.utf8).base64EncodedString().prefix(24).description] {
            #expect(!log.contains(secret), "\(secret) is in the log")
        }
        #expect(!log.contains("Authorization") && !log.contains("adminpass") && !log.contains("user_data"))
    }

    @Test("An agency's temporary credentials: the source is logged, never its key, secret or token, not even in a failed lookup")
    func temporaryCredentials() async throws {
        var cli = try CLISession(simulator: try await StandaloneSimulator(extra: ["--metadata"]))
        cli.metadataURL = cli.simulator.url
        let listed = try await cli.run(["servers", "--json", "--debug", "--endpoint", cli.simulator.url], credentials: false)
        #expect(listed.status == 0, "\(listed.all)")
        // A key pair asks IAM for the user id, in a path that names the access key; IAM has no
        // user for temporary keys and says so (404), naming the key too: the failure is logged.
        let keypair = try await cli.run(["reinstall", "web-02", "--keypair", "deploy-rsa", "--stop", "--yes", "--debug",
                                         "--endpoint", cli.simulator.url], credentials: false)
        #expect(keypair.status == 0, "\(keypair.all)")
        let log = try String(contentsOfFile: logFile(cli), encoding: .utf8)
        #expect(log.contains("credentials from ECS metadata (agency)"), "\(log)")
        #expect(log.contains("/v3.0/OS-CREDENTIAL/credentials/••••") && log.contains("failed (attempt 1)"), "\(log)")

        let issued = try await Self.metadataCredentials(cli.simulator.url)
        #expect(issued.count == 3)
        for secret in issued { #expect(!log.contains(secret), "a temporary credential is in the log") }
    }

    /// The access key, secret key and security token the simulator's metadata service hands out now.
    private static func metadataCredentials(_ base: String) async throws -> [String] {
        var open = URLRequest(url: try #require(URL(string: base + "/meta-data/latest/api/token")))
        open.httpMethod = "PUT"
        open.setValue("60", forHTTPHeaderField: "X-Metadata-Token-Ttl-Seconds")
        let (token, _) = try await URLSession.shared.data(for: open)
        var read = URLRequest(url: try #require(URL(string: base + "/openstack/latest/securitykey")))
        read.setValue(String(decoding: token, as: UTF8.self), forHTTPHeaderField: "X-Metadata-Token")
        let (body, _) = try await URLSession.shared.data(for: read)
        let credential = try #require(try jsonObject(String(decoding: body, as: UTF8.self))["credential"] as? [String: Any])
        return ["access", "secret", "securitytoken"].compactMap { credential[$0] as? String }
    }
}
