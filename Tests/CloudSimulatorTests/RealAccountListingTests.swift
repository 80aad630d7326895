import Foundation
import HuaweiCloud
import Synchronization
import Testing

@testable import CloudSimulator

/// What a real account adds to a listing: enterprise projects, bare metal servers, the real size of
/// a server's details, and enough servers that the pages must be fetched several at once.
struct RealAccountListingTests {
    static let otherProjects = GeneratedData.enterpriseProjects

    private func client(_ simulator: CloudSimulator, transport: (any HTTPTransport)? = nil,
                        scope: EnterpriseProjectScope = .allGranted) async throws -> CloudClient {
        let configuration = simulator.configuration
        let url = try #require(await simulator.url)
        var client = CloudClient(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey,
                                     projectId: configuration.projectId),
            endpoints: Endpoints(region: configuration.region, override: url), projectId: configuration.projectId,
            transport: transport ?? HTTPClientTransport(proxies: .direct), retry: .none)
        client.enterpriseProjects = scope
        return client
    }

    private func all(_ client: CloudClient) async throws -> [Server] {
        var servers: [Server] = []
        for try await page in client.allServers() { servers += page.servers }
        return servers
    }

    private func listings(_ simulator: CloudSimulator) async -> [ReceivedRequest] {
        await simulator.receivedRequests().filter { $0.path.hasSuffix("/cloudservers/detail") }
    }

    @Test func everyListingNamesTheGrantedEnterpriseProjectsAndLeavesBareMetalOut() async throws {
        var configuration = SimulatorConfiguration()
        configuration.bareMetalServers = 3
        try await withSimulator(configuration, dataSet: .generated(servers: 250, seed: 3)) { simulator, _ in
            let servers = try await all(try await client(simulator))
            #expect(servers.count == 250)
            #expect(!servers.contains { $0.isBareMetal })
            let sent = await listings(simulator)
            #expect(sent.count == 3, "pages of 100")
            for request in sent {
                #expect(request.queryValue("enterprise_project_id") == "all_granted_eps")
                #expect(request.queryValue("not-tags") == "__type_baremetal")
                #expect(request.queryValue("limit") == "100")
            }
            // By id, a bare metal server is read as it is, tag and all, for the rules to refuse it.
            let bareMetal = try #require(await simulator.servers().first { $0.isBareMetal })
            #expect(try await client(simulator).showServer(id: bareMetal.id).isBareMetal)
        }
    }

    @Test func tagsAndNotTagsFilterTheListing() async throws {
        var configuration = SimulatorConfiguration()
        configuration.bareMetalServers = 2
        try await withSimulator(configuration) { simulator, raw in
            let path = "/v1/\(configuration.projectId)/cloudservers/detail"
            let everything = try await raw.get(path, query: [("limit", "100")]).json()
            #expect(everything["count"] as? Int == 14, "without not-tags, ECS lists bare metal too")
            let tagged = try await raw.get(path, query: [("tags", "__type_baremetal")]).json()
            let names = (tagged["servers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["bms-node-01", "bms-node-02"])
            let untagged = try await raw.get(path, query: [("not-tags", "__type_baremetal")]).json()
            #expect(untagged["count"] as? Int == 12)
            // Named by id, ECS still says no to reinstalling one.
            let bareMetal = try #require(await simulator.servers().first { $0.isBareMetal })
            let refused = try await raw.reinstall(.v2, server: bareMetal.id, body: """
                {"os-reinstall":{"keyname":"deploy-rsa","userid":"\(Demo.userId)","mode":"withStopServer"}}
                """)
            #expect(refused.status == 400, "\(refused.text)")
        }
    }

    @Test func anEnterpriseProjectScopedUserMustNameThem() async throws {
        let granted = Self.otherProjects[0]
        var configuration = SimulatorConfiguration()
        configuration.grantedEnterpriseProjects = ["0", granted]
        try await withSimulator(configuration, dataSet: .generated(servers: 60, seed: 9)) { simulator, raw in
            let path = "/v1/\(configuration.projectId)/cloudservers/detail"
            let refused = try await raw.get(path)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "Ecs.0110")

            let everyone = await simulator.servers()
            let listed = try await all(try await client(simulator))
            #expect(Set(listed.map(\.id)) == Set(everyone.filter { ["0", granted].contains($0.enterpriseProjectId) }.map(\.id)))
            #expect(Set(listed.compactMap(\.enterpriseProjectId)) == ["0", granted])

            let narrowed = try await all(try await client(simulator, scope: .only(granted)))
            #expect(!narrowed.isEmpty && narrowed.allSatisfy { $0.enterpriseProjectId == granted })
            let lastSent = await listings(simulator).last
            #expect(lastSent?.queryValue("enterprise_project_id") == granted)

            let other = Self.otherProjects[1]
            do {
                _ = try await all(try await client(simulator, scope: .only(other)))
                Issue.record("a project not granted was listed")
            } catch let error as CloudError {
                #expect(error.code == "Ecs.0110")
                #expect(error.message.contains("enterprise project \(other)"), "\(error.message)")
                #expect(error.message.contains("ecs:cloudServers:list"), "\(error.message)")
            }
            // A server of a project not granted cannot be read by id, nor reinstalled.
            let outside = try #require(everyone.first { $0.enterpriseProjectId == other })
            await #expect(throws: CloudError.self) { try await client(simulator).showServer(id: outside.id) }
            let reinstall = try await raw.reinstall(.v2, server: outside.id, body: """
                {"os-reinstall":{"keyname":"deploy-rsa","userid":"\(Demo.userId)","mode":"withStopServer"}}
                """)
            #expect(reinstall.status == 403 && reinstall.errorCode == "Ecs.0110", "\(reinstall.text)")
        }
    }

    @Test func twoThousandServersLoadInFourRoundTrips() async throws {
        let configuration = SimulatorConfiguration(latency: .milliseconds(100))
        try await withSimulator(configuration, dataSet: .generated(servers: 2000, seed: 5)) { simulator, _ in
            let transport = WaveCountingTransport(base: HTTPClientTransport(proxies: .direct))
            let servers = try await all(try await client(simulator, transport: transport))
            #expect(servers.count == 2000)
            #expect(transport.requests == 20)
            #expect(transport.maximumInFlight >= 7, "\(transport.maximumInFlight) pages at once")
            // A request's wave is one more than the deepest wave answered before it was sent.
            #expect(transport.waves <= 4, "\(transport.waves) round trips one after another")
        }
    }

    @Test func realisticDetailsHaveTheRealSizeAndDecode() throws {
        var store = ServerStore(SimulatorDataSet.generated(servers: 40, seed: 1).servers)
        let error = try #require(store.all.firstIndex { $0.status == .error })
        for index in [0, 20, error] {
            let json = try store.detailJSON(at: index)
            #expect((3500...6000).contains(json.count), "\(json.count) bytes")
            // Everything the model keeps comes back; the metadata gains the real cloud's other keys.
            var server = try JSONDecoder().decode(Server.self, from: json)
            let model = store.all[index]
            #expect(model.metadata.allSatisfy { server.metadata[$0.key] == $0.value })
            server.metadata = model.metadata
            #expect(server == model)
        }
        let object = try #require(JSONSerialization.jsonObject(with: store.detailJSON(at: error)) as? [String: Any])
        for key in ["fault", "security_groups", "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-STS:vm_state",
                    "os-extended-volumes:volumes_attached", "sys_tags", "hostId", "OS-SRV-USG:launched_at",
                    "cpu_options", "hypervisor", "tags", "locked", "description"] {
            #expect(object[key] != nil, "\(key)")
        }
        var lean = ServerStore(store.all, realisticDetails: false)
        #expect(try lean.detailJSON(at: 0).count < 1500)
        #expect(try JSONDecoder().decode(Server.self, from: lean.detailJSON(at: 0)) == store.all[0])
    }
}

/// Counts requests, the most in flight at once, and the round trips that had to follow one another.
final class WaveCountingTransport: HTTPTransport {
    private struct State {
        var requests = 0
        var inFlight = 0
        var maximumInFlight = 0
        var deepestAnswered = 0
        var deepest = 0
    }

    private let base: any HTTPTransport
    private let state = Mutex(State())

    init(base: any HTTPTransport) { self.base = base }

    var requests: Int { state.withLock { $0.requests } }
    var maximumInFlight: Int { state.withLock { $0.maximumInFlight } }
    var waves: Int { state.withLock { $0.deepest } }

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        let wave = state.withLock { state in
            state.requests += 1
            state.inFlight += 1
            state.maximumInFlight = max(state.maximumInFlight, state.inFlight)
            let wave = state.deepestAnswered + 1
            state.deepest = max(state.deepest, wave)
            return wave
        }
        defer {
            state.withLock { state in
                state.inFlight -= 1
                state.deepestAnswered = max(state.deepestAnswered, wave)
            }
        }
        return try await base.send(request)
    }
}
