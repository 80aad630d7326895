import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Read routes over real HTTP")
struct ReadRoutesTests {
    let pid = SimulatorConfiguration().projectId

    @Test func projectAndCredentialLookup() async throws {
        try await withSimulator { _, client in
            let projects = try await client.get("/v3/projects", query: [("name", "cn-north-4")]).decode(ProjectList.self)
            #expect(projects.projects == [.init(id: pid, name: "cn-north-4", enabled: true)])
            let none = try await client.get("/v3/projects", query: [("name", "eu-west-101")]).decode(ProjectList.self)
            #expect(none.projects.isEmpty)
            let ak = SimulatorConfiguration().accessKey
            let credential = try await client.get("/v3.0/OS-CREDENTIAL/credentials/\(ak)").decode(CredentialInfo.self)
            #expect(credential.credential.userId == Demo.userId)
            #expect(credential.credential.access == ak)
        }
    }

    @Test func listPagesByPageNumberWithTotalCount() async throws {
        try await withSimulator { _, client in
            let path = "/v1/\(pid)/cloudservers/detail"
            var seen: [String] = []
            for page in 1...3 {
                let reply = try await client.get(path, query: [("offset", "\(page)"), ("limit", "5")])
                #expect(reply.status == 200)
                let decoded = try reply.decode(ServerPage.self)
                #expect(decoded.count == 12)
                #expect(decoded.servers.count == (page < 3 ? 5 : 2))
                seen += decoded.servers.map(\.id)
            }
            #expect(Set(seen).count == 12)
            let empty = try await client.get(path, query: [("offset", "4"), ("limit", "5")]).decode(ServerPage.self)
            #expect(empty.count == 12 && empty.servers.isEmpty)
            // Offset 0 is page 1; the default limit is 25.
            let zero = try await client.get(path, query: [("offset", "0"), ("limit", "5")]).decode(ServerPage.self)
            #expect(zero.servers.map(\.id) == Array(seen.prefix(5)))
            let all = try await client.get(path).decode(ServerPage.self)
            #expect(all.servers.count == 12)
        }
    }

    @Test func listFiltersByFuzzyNameIncludingCJK() async throws {
        try await withSimulator { _, client in
            let path = "/v1/\(pid)/cloudservers/detail"
            let web = try await client.get(path, query: [("name", "WEB-0")]).decode(ServerPage.self)
            #expect(web.count == 2)
            #expect(Set(web.servers.map(\.name)) == ["web-01", "web-02"])
            let cjk = try await client.get(path, query: [("name", "数据库"), ("limit", "1")]).decode(ServerPage.self)
            #expect(cjk.count == 2)
            #expect(cjk.servers.map(\.name) == ["数据库-主节点"])
            let stopped = try await client.get(path, query: [("status", "SHUTOFF")]).decode(ServerPage.self)
            #expect(stopped.servers.allSatisfy { $0.status == .shutoff })
            #expect(stopped.count == 5)
        }
    }

    @Test(arguments: [("limit", "1001"), ("limit", "0"), ("limit", "abc"), ("offset", "-1")])
    func listRejectsBadPaging(parameter: String, value: String) async throws {
        try await withSimulator { _, client in
            let reply = try await client.get("/v1/\(pid)/cloudservers/detail", query: [(parameter, value)])
            #expect(reply.status == 400)
            #expect(reply.errorCode == "Ecs.0005")
        }
    }

    @Test func showServerHasTheDetailShape() async throws {
        try await withSimulator { _, client in
            let reply = try await client.get("/v1/\(pid)/cloudservers/\(Demo.web01)")
            #expect(reply.status == 200)
            #expect(reply.requestId?.count == 32)
            let server = try #require(try reply.decode([String: Server].self)["server"])
            #expect(server.name == "web-01")
            #expect(server.status == .active)
            #expect(server.taskState == nil)
            #expect(server.hasSystemDisk)
            #expect(server.osType == "Linux")
            #expect(server.imageName == "Ubuntu 22.04 server 64bit")
            #expect(server.metadata["metering.imagetype"] == "gold")
            #expect(server.flavor?.id == "s6.large.2")
            #expect(server.privateIP == "192.168.0.11")
            #expect(server.keyName == "ops-ed25519")
            // Raw wire details the model does not keep.
            let raw = try #require(try reply.json()["server"] as? [String: Any])
            #expect(raw["OS-EXT-STS:vm_state"] as? String == "active")
            #expect(raw["OS-EXT-STS:power_state"] as? Int == 1)
            #expect(raw.keys.contains("OS-EXT-STS:task_state"))
            let volumes = try #require(raw["os-extended-volumes:volumes_attached"] as? [[String: Any]])
            #expect(volumes.first?["bootIndex"] as? String == "0")
            #expect((raw["image"] as? [String: Any])?["id"] as? String == server.imageId)
        }
    }

    @Test func showUnknownServerAndWrongProject() async throws {
        try await withSimulator { _, client in
            let missing = try await client.get("/v1/\(pid)/cloudservers/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "Ecs.0114")
            let wrong = try await client.get("/v1/ffffffffffffffffffffffffffffffff/cloudservers/\(Demo.web01)")
            #expect(wrong.status == 400)
            #expect(wrong.errorCode == "Ecs.0023")
            let unknownRoute = try await client.get("/v1/\(pid)/nothing-here")
            #expect(unknownRoute.status == 404)
            #expect(unknownRoute.errorCode == "APIGW.0101")
        }
    }

    @Test func imageLookupById() async throws {
        try await withSimulator { simulator, client in
            let legacy = try #require(await simulator.server(id: Demo.legacyApp))
            let images = try await client.get("/v2/cloudimages", query: [("id", try #require(legacy.imageId))])
                .decode(ImageList.self)
            let image = try #require(images.images.first)
            #expect(images.images.count == 1)
            #expect(image.imageType == "private")
            #expect(image.supportFcInject == "true")
            let raw = try await client.get("/v2/cloudimages", query: [("id", image.id)]).json()
            let first = try #require((raw["images"] as? [[String: Any]])?.first)
            #expect(first["__support_fc_inject"] as? String == "true")

            let web = try #require(await simulator.server(id: Demo.web01))
            let gold = try await client.get("/v2/cloudimages", query: [("id", try #require(web.imageId))])
                .decode(ImageList.self)
            #expect(gold.images.first?.imageType == "gold")
            #expect(gold.images.first?.supportFcInject == nil)

            let windows = try #require(await simulator.server(id: Demo.winAD))
            let win = try await client.get("/v2/cloudimages", query: [("id", try #require(windows.imageId))])
                .decode(ImageList.self)
            #expect(win.images.first?.osType == "Windows")
            #expect(win.images.first?.supportFcInject == "true")

            let none = try await client.get("/v2/cloudimages", query: [("id", "00000000-0000-0000-0000-000000000000")])
                .decode(ImageList.self)
            #expect(none.images.isEmpty)
        }
    }

    @Test func keypairMarkerPagination() async throws {
        try await withSimulator { _, client in
            let path = "/v3/\(pid)/keypairs"
            let first = try await client.get(path, query: [("limit", "1")]).decode(KeypairPage.self)
            #expect(first.keypairs.map(\.keypair.name) == ["deploy-rsa"])
            #expect(first.pageInfo?.nextMarker == "deploy-rsa")
            #expect(first.pageInfo?.currentCount == 1)
            let second = try await client.get(path, query: [("limit", "1"), ("marker", "deploy-rsa")])
                .decode(KeypairPage.self)
            #expect(second.keypairs.map(\.keypair.name) == ["ops-ed25519"])
            #expect(second.pageInfo?.nextMarker == nil)
            let all = try await client.get(path).decode(KeypairPage.self)
            #expect(all.keypairs.count == 2)
            #expect(all.keypairs.allSatisfy { $0.keypair.fingerprint?.hasPrefix("SHA256:") == true })
        }
    }

    @Test func demoDataSetCoversTheCases() {
        let demo = SimulatorDataSet.demo
        #expect((8...12).contains(demo.servers.count))
        let images = Dictionary(uniqueKeysWithValues: demo.images.map { ($0.id, $0) })
        #expect(demo.servers.contains { $0.status == .active && images[$0.imageId ?? ""]?.imageType == "gold" && !$0.isWindows })
        #expect(demo.servers.contains { $0.status == .shutoff && !$0.isWindows
            && images[$0.imageId ?? ""]?.imageType == "private" && images[$0.imageId ?? ""]?.supportFcInject == "true" })
        #expect(demo.servers.contains { $0.isWindows && images[$0.imageId ?? ""]?.supportFcInject == "true" })
        #expect(demo.servers.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 } })
        #expect(demo.servers.allSatisfy { images[$0.imageId ?? ""] != nil })
        #expect(Set(demo.servers.map(\.id)).count == demo.servers.count)
        #expect(demo.keypairs.map(\.name).sorted() == ["deploy-rsa", "ops-ed25519"])
    }
}
