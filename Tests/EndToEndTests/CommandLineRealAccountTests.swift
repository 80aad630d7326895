import Foundation
import Testing

/// `servers` and `reinstall` against a simulator that behaves as real accounts do: a user
/// authorised per enterprise project, bare metal servers, many servers.
@Suite("Command line: real accounts", .serialized, .timeLimit(.minutes(1)))
struct CommandLineRealAccountTests {
    static let granted = "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"
    static let notGranted = "8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02"

    @Test("servers pages 100 at a time, names all granted enterprise projects and leaves bare metal out")
    func pagesOfAHundred() async throws {
        let simulator = try await StandaloneSimulator(extra: ["--servers", "250", "--bare-metal", "2", "--log-requests"])
        let cli = try CLISession(simulator: simulator)
        let servers = try await cli.servers()
        #expect(servers.count == 250)
        #expect(!servers.contains { ($0["name"] as? String)?.hasPrefix("bms-node") == true })
        let listings = simulator.loggedListings
        #expect(listings.count == 3, "\(listings)")
        for query in listings {
            #expect(query.contains("limit=100"), "\(query)")
            #expect(query.contains("enterprise_project_id=all_granted_eps"), "\(query)")
            #expect(query.contains("not-tags=__type_baremetal"), "\(query)")
        }
    }

    @Test("A user authorised per enterprise project lists them; --enterprise-project narrows; one not granted is a clear error")
    func enterpriseProjectScopedUser() async throws {
        let simulator = try await StandaloneSimulator(extra: ["--servers", "60", "--granted-eps", "0,\(Self.granted)"])
        let cli = try CLISession(simulator: simulator)
        let all = try await cli.servers()
        #expect(Set(all.compactMap { $0["enterprise_project_id"] as? String }) == ["0", Self.granted])

        let table = try await cli.run(["servers"])
        #expect(table.status == 0, "\(table.all)")
        #expect(table.stdout.split(separator: "\n").first?.hasSuffix("EP") == true, "\(table.stdout.prefix(200))")
        #expect(table.stdout.contains("default") && table.stdout.contains(Self.granted))

        let narrowed = try await cli.run(["servers", "--json", "--enterprise-project", Self.granted])
        #expect(narrowed.status == 0, "\(narrowed.all)")
        let servers = try #require(try jsonObject(narrowed.stdout)["servers"] as? [[String: Any]])
        #expect(!servers.isEmpty && servers.allSatisfy { $0["enterprise_project_id"] as? String == Self.granted })

        let refused = try await cli.run(["servers", "--enterprise-project", Self.notGranted])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Ecs.0110"), "\(refused.stderr)")
        #expect(refused.stderr.contains("enterprise project \(Self.notGranted)"), "\(refused.stderr)")

        // A server of the default project named by id is not reinstalled under another --enterprise-project.
        let outside = try #require(all.first { $0["enterprise_project_id"] as? String == "0" }?["id"] as? String)
        let elsewhere = try await cli.run(["reinstall", outside, "--keypair", "deploy-rsa", "--yes", "--enterprise-project", Self.granted])
        #expect(elsewhere.status == 1, "\(elsewhere.all)")
        #expect(elsewhere.stderr.contains("is in enterprise project default"), "\(elsewhere.stderr)")
    }

    @Test("A bare metal server named by id is refused with why, before anything is sent")
    func bareMetalById() async throws {
        let simulator = try await StandaloneSimulator(extra: ["--bare-metal", "1", "--log-requests"])
        let cli = try CLISession(simulator: simulator)
        let id = "b0e7a1c3-5d9f-4b2e-8a6c-000000000001"
        let result = try await cli.run(["reinstall", id, "--keypair", "deploy-rsa", "--stop", "--yes"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bare metal servers are reinstalled through the BMS API, not ECS"), "\(result.all)")
        #expect(!simulator.errorOutput.contains("request: POST"), "nothing is sent")
        #expect(!simulator.errorOutput.contains("/cloudimages"), "not even the image is read")
    }

    @Test("A write timeout under 60 s is refused with why; the others are accepted")
    func timeouts() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let refused = try await cli.run(["servers", "--write-timeout", "10"])
        #expect(refused.status == 2, "\(refused.all)")
        #expect(refused.stderr.contains("--write-timeout"), "\(refused.stderr)")
        #expect(refused.stderr.contains("lost"), "\(refused.stderr)")
        let accepted = try await cli.run(["servers", "--connect-timeout", "3", "--read-timeout", "20", "--write-timeout", "75"])
        #expect(accepted.status == 0, "\(accepted.all)")
    }
}
