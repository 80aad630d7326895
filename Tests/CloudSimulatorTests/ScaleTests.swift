import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("10,000 servers")
struct ScaleTests {
    let pid = SimulatorConfiguration().projectId

    @Test func everyServerIsListedOnceInOrderAcrossPages() async throws {
        let data = SimulatorDataSet.generated(servers: 10_000, seed: 99)
        try await withSimulator(dataSet: data) { _, client in
            let path = "/v1/\(pid)/cloudservers/detail"
            var listed: [String] = []
            for page in 1...10 {
                let reply = try await client.get(path, query: [("offset", "\(page)"), ("limit", "1000")])
                #expect(reply.status == 200)
                let decoded = try reply.decode(ServerPage.self)
                #expect(decoded.count == 10_000)
                #expect(decoded.servers.count == 1000)
                listed += decoded.servers.map(\.id)
            }
            #expect(listed == data.servers.map(\.id))
            let beyond = try await client.get(path, query: [("offset", "11"), ("limit", "1000")]).decode(ServerPage.self)
            #expect(beyond.count == 10_000 && beyond.servers.isEmpty)

            // Uneven pages: the last one is short.
            let last = try await client.get(path, query: [("offset", "34"), ("limit", "300")]).decode(ServerPage.self)
            #expect(last.servers.map(\.id) == Array(data.servers.map(\.id)[9900...]))

            // Filters count over the whole account.
            let errors = try await client.get(path, query: [("status", "ERROR"), ("limit", "1000")]).decode(ServerPage.self)
            let expectedErrors = data.servers.filter { $0.status == .error }
            #expect(errors.count == expectedErrors.count)
            #expect(errors.servers.map(\.id) == Array(expectedErrors.prefix(1000).map(\.id)))
            let named = try await client.get(path, query: [("name", "WEB-PROD"), ("limit", "5")]).decode(ServerPage.self)
            #expect(named.count == data.servers.filter { $0.name.lowercased().contains("web-prod") }.count)
            #expect(named.servers.allSatisfy { $0.name.hasPrefix("web-prod-") })
        }
    }

    @Test(arguments: [
        ("web", "web-01", true), ("WEB-0", "web-01", true), ("w.b-0", "web-01", true), ("w.b-0", "wb-01", false),
        ("数据库", "数据库-主节点", true), ("数.库", "数据库-主节点", true), ("🚀", "🚀 deploy-00017", true),
        ("...", "ab", false), ("x", "web-01", false),
    ])
    func fuzzyNameMatch(pattern: String, name: String, matches: Bool) {
        #expect(NamePattern(pattern).matches(name.lowercased()) == matches)
    }

    @Test func aChangedServerIsReEncoded() throws {
        var store = ServerStore(SimulatorDataSet.demo.servers)
        let before = try store.detailJSON(at: 0)
        #expect(try store.detailJSON(at: 0) == before)
        store.update(Demo.web01) { $0.status = .shutoff }
        let after = try store.detailJSON(at: 0)
        #expect(after != before)
        #expect(String(decoding: after, as: UTF8.self).contains("\"status\":\"SHUTOFF\""))
        #expect(store.matching(name: nil, statuses: ["SHUTOFF"]).contains(0))
    }
}
