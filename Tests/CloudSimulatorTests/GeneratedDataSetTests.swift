import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Generated data set")
struct GeneratedDataSetTests {
    @Test func theSameSeedGivesTheSameServers() {
        let a = SimulatorDataSet.generated(servers: 300, seed: 42)
        let b = SimulatorDataSet.generated(servers: 300, seed: 42)
        let c = SimulatorDataSet.generated(servers: 300, seed: 43)
        #expect(a.servers == b.servers)
        #expect(a.images == b.images)
        #expect(a.keypairs == b.keypairs)
        #expect(a.servers != c.servers)
        // A larger account begins with the smaller one.
        #expect(Array(SimulatorDataSet.generated(servers: 500, seed: 42).servers.prefix(300)) == a.servers)
    }

    @Test func theDemoServersComeFirstUnchanged() {
        let demo = SimulatorDataSet.demo.servers
        let generated = SimulatorDataSet.generated(servers: 40, seed: 7)
        #expect(generated.servers.count == 40)
        #expect(Array(generated.servers.prefix(demo.count)) == demo)
        #expect(SimulatorDataSet.generated(servers: 5, seed: 7).servers == Array(demo.prefix(5)))
        #expect(SimulatorDataSet.generated(servers: 0, seed: 7).servers.isEmpty)
    }

    @Test(arguments: [40, 1000])
    func theGeneratedServersAreVaried(count: Int) throws {
        let data = SimulatorDataSet.generated(servers: count, seed: 0x5EED_CAFE)
        let generated = data.servers.dropFirst(SimulatorDataSet.demo.servers.count)
        let images = Dictionary(uniqueKeysWithValues: data.images.map { ($0.id, $0) })
        func image(_ server: Server) -> Image? { images[server.imageId ?? ""] }

        #expect(Set(data.servers.map(\.id)).count == data.servers.count)
        #expect(data.servers.allSatisfy { image($0) != nil })
        #expect(generated.contains { $0.isWindows })
        #expect(generated.contains { !$0.isWindows })
        #expect(generated.contains { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(generated.contains { $0.name.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(generated.contains { $0.name.count >= 50 })
        #expect(generated.contains { image($0)?.imageType == "gold" })
        #expect(generated.contains { image($0)?.supportFcInject == "true" })
        for status in [ServerStatus.active, .shutoff] { #expect(generated.contains { $0.status == status }) }
        #expect(generated.contains { $0.locked })
        #expect(data.keypairs.count >= 5)
        #expect(Set(data.keypairs.map(\.name)).count == data.keypairs.count)
        // Every server's key pair exists.
        let keyNames = Set(data.keypairs.map(\.name))
        #expect(data.servers.allSatisfy { $0.keyName.map(keyNames.contains) ?? true })
        if count >= 1000 {
            #expect(generated.contains { $0.status == .error })
            #expect(generated.contains { !$0.hasSystemDisk })
            #expect(generated.contains { image($0)?.rootOrigin == "file" })
            let windowsShare = Double(generated.filter(\.isWindows).count) / Double(generated.count)
            #expect((0.1...0.5).contains(windowsShare))
        }
    }

    @Test func imagesCoverEveryKind() {
        let images = SimulatorDataSet.generated(servers: 40, seed: 1).images
        #expect(images.contains { $0.imageType == "gold" && $0.osType == "Windows" })
        #expect(images.contains { $0.imageType == "private" && $0.supportFcInject == "true" && $0.osType == "Linux" })
        #expect(images.contains { $0.imageType == "private" && $0.supportFcInject == nil })
        #expect(images.contains { $0.rootOrigin == "file" && $0.osType == "Windows" })
        #expect(images.contains { $0.imageType == "shared" })
        #expect(Set(images.map(\.id)).count == images.count)
    }
}
