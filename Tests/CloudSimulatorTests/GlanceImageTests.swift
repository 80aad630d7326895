import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("IMS image routes")
struct GlanceImageTests {
    @Test func glanceShowIsAFlatImageObject() async throws {
        try await withSimulator { simulator, client in
            let legacy = try #require(await simulator.server(id: Demo.legacyApp)?.imageId)
            let reply = try await client.get("/v2/images/\(legacy)")
            #expect(reply.status == 200)
            let object = try reply.json()
            #expect(object["id"] as? String == legacy)
            #expect(object["images"] == nil && object["image"] == nil)
            #expect(object["__support_fc_inject"] as? String == "true")
            #expect(object["__imagetype"] as? String == "private")
            #expect(object["visibility"] as? String == "private")
            #expect(object["status"] as? String == "active")
            #expect(object["self"] as? String == "/v2/images/\(legacy)")
            #expect(try reply.decode(Image.self).supportFcInject == "true")

            let web = try #require(await simulator.server(id: Demo.web01)?.imageId)
            let gold = try await client.get("/v2/images/\(web)").json()
            #expect(gold["visibility"] as? String == "public")
            #expect(gold["__support_fc_inject"] == nil)

            let imported = try #require(await simulator.server(id: Demo.imported)?.imageId)
            #expect(try await client.get("/v2/images/\(imported)").json()["__root_origin"] as? String == "file")
        }
    }

    @Test func unknownImageIs404() async throws {
        try await withSimulator { _, client in
            let reply = try await client.get("/v2/images/00000000-0000-4000-8000-000000000000")
            #expect(reply.status == 404)
            #expect(reply.errorCode == "IMG.0001")
        }
    }

    @Test func cloudImagesFilterByOSType() async throws {
        try await withSimulator { _, client in
            let windows = try await client.get("/v2/cloudimages", query: [("__os_type", "Windows")]).decode(ImageList.self)
            #expect(!windows.images.isEmpty)
            #expect(windows.images.allSatisfy { $0.osType == "Windows" })
        }
    }
}
