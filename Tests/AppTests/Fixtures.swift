import Foundation
import HuaweiCloud

@testable import App

/// A small, fixed account: the shapes the reducer and views meet in the demo.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_735_718_400)  // 2025-01-01T08:00:00Z

    static func server(
        _ id: String, _ name: String, status: ServerStatus = .shutoff, os: String = "Linux", image: String = "img-gold",
        imageName: String = "Ubuntu 22.04 server 64bit", ip: String = "192.168.0.10", disk: Bool = true, locked: Bool = false,
        key: String? = "deploy-rsa", enterpriseProject: String? = "0"
    ) -> Server {
        Server(
            id: id, name: name, status: status, imageId: image,
            metadata: ["os_type": os, "image_name": imageName],
            flavor: .init(id: "s6.large.2", name: "s6.large.2", vcpus: "2", ram: "4096"),
            addresses: ["vpc-1": [.init(addr: ip)]],
            volumesAttached: disk ? [.init(id: "vol-\(id)", bootIndex: "0", device: "/dev/vda")] : [],
            locked: locked, keyName: os == "Windows" ? nil : key, enterpriseProjectId: enterpriseProject)
    }

    static let web = server("s-web", "web-01", status: .active, ip: "192.168.0.11")
    static let windows = server("s-win", "win-ad-01", os: "Windows", image: "img-win", imageName: "win2019-ad-template", ip: "192.168.0.31")
    static let database = server("s-db", "数据库-主节点", status: .active, imageName: "Huawei Cloud EulerOS 2.0", ip: "192.168.1.10",
                                 enterpriseProject: "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01")
    static let noDisk = server("s-nodisk", "scratch-nodisk", disk: false)
    static let locked = server("s-locked", "batch-locked", status: .active, locked: true)
    static let servers = [web, windows, database, noDisk, locked]

    /// Names that are wider than their character count, or have characters of no width.
    static let wideNames = [
        server("w-1", "数据库-主节点-上海-生产环境-第一可用区", status: .active, ip: "10.0.0.1"),
        server("w-2", "支付网关🚀prod", ip: "10.0.0.2"),
        server("w-3", "ｆｕｌｌｗｉｄｔｈ－ｎａｍｅ", status: .error, ip: "10.0.0.3"),
        server("w-4", "🐳🐳🐳-docker-host-with-a-long-name", status: .active, ip: "10.0.0.4"),
        server("w-5", "서버-한국-01", ip: "10.0.0.5"),
        server("w-6", "cafe\u{301}-serveur", status: .rebuild, ip: "10.0.0.6"),
        server("w-7", "東京リージョン本番環境サーバー", status: .active, imageName: "日本語イメージ Ubuntu 22.04", ip: "10.0.0.7"),
    ]

    static let goldImage = Image(id: "img-gold", name: "Ubuntu 22.04 server 64bit", imageType: "gold", osType: "Linux")
    /// A licensed Linux image under web-01's image id: BYOL is offered on it.
    static let redHatImage = Image(id: "img-gold", name: "Red Hat Enterprise Linux 8.8 64bit", imageType: "gold",
                                   osType: "Linux", platform: "RedHat")
    static let windowsImage = Image(id: "img-win", name: "win2019-ad-template", imageType: "private", osType: "Windows",
                                    supportFcInject: "true")
    static let keypairs = [
        Keypair(name: "deploy-rsa", fingerprint: "SHA256:deploy"),
        Keypair(name: "ops-ed25519", fingerprint: "SHA256:ops"),
    ]

    /// A state with the list, key pairs and user id loaded, 100×30.
    static func loadedState(width: Int = 100, height: Int = 30) -> AppState {
        var state = AppState(mode: .demo, region: "cn-north-4", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: width, height: height), now: now)
        _ = startup(&state)
        deliver(servers, to: &state)
        _ = reduce(&state, .keypairsLoaded(keypairs, scope: state.journalScope))
        _ = reduce(&state, .userIdLoaded("user-7e25"))
        return state
    }

    /// Selects the server with `id` and opens its form, with its image answered.
    static func formState(for server: Server, image: Image?) -> AppState {
        var state = loadedState()
        state.servers.selectedId = server.id
        _ = reduce(&state, .key(.enter))
        if let imageId = server.imageId {
            _ = reduce(&state, .imageLoaded(id: imageId, image, scope: state.journalScope))
        }
        return state
    }

    /// Answers the listing in flight with `servers` as one page, then ends it.
    /// The servers it missed are checked, and answered as gone.
    static func deliver(_ servers: [Server], to state: inout AppState, at time: Date = now) {
        let generation = state.servers.generation
        _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: servers.count, servers: servers)))
        for effect in reduce(&state, .serverListingFinished(generation: generation, at: time)) {
            if case let .checkServer(id) = effect { _ = reduce(&state, .serverChecked(id: id, .gone)) }
        }
    }

    /// Is this effect a listing of the servers?
    static func isListing(_ effect: Effect) -> Bool {
        if case .listServers = effect { return true }
        return false
    }
}
