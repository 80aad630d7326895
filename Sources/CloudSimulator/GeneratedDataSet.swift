import Foundation
import HuaweiCloud

extension SimulatorDataSet {
    /// A deterministic account of `servers` servers: the demo's hand-written servers first (ids
    /// and names unchanged, so screenshots and end-to-end tests still find them), then generated
    /// ones up to the count. The same `seed` gives the same servers, and the first k servers of
    /// a larger account equal those of a smaller one.
    ///
    /// The generated servers mix Linux and Windows, public (`gold`) images with Cloud-Init,
    /// private images without it (`__support_fc_inject: "true"`), imported ones
    /// (`__root_origin: file`), shared ones; ASCII, CJK, emoji and very long names; ACTIVE,
    /// SHUTOFF and ERROR servers, locked ones and a few without a system disk; half in the default
    /// enterprise project, the rest in three others.
    /// 10,000 servers take well under a second to build.
    public static func generated(servers count: Int, seed: UInt64) -> SimulatorDataSet {
        let demo = SimulatorDataSet.demo
        let images = DemoData.images + GeneratedData.extraImages
        var random = SeededRandom(seed: seed)
        var servers = Array(demo.servers.prefix(max(0, count)))
        servers.reserveCapacity(max(count, servers.count))
        while servers.count < count {
            servers.append(GeneratedData.server(number: servers.count, images: images, random: &random))
        }
        return SimulatorDataSet(
            servers: servers,
            images: images.map(\.image),
            keypairs: demo.keypairs + GeneratedData.extraKeypairs)
    }

    /// The standalone simulator's default size: enough for a few pages at the default limit of 25.
    public static let defaultGeneratedCount = 40
}

/// The parts a generated server is drawn from.
enum GeneratedData {
    static let extraImages: [DemoData.DemoImage] = [
        .init(image: Image(
            id: "3b5d7f9a-1c3e-4a5b-8d7f-9a1c3e5b7d08", name: "CentOS 7.9 64bit",
            imageType: "gold", osType: "Linux", platform: "CentOS")),
        .init(image: Image(
            id: "7f9a1c3e-5b7d-4f9a-a1c3-e5b7d9f1a309", name: "Windows Server 2019 Datacenter 64bit Chinese",
            imageType: "gold", osType: "Windows", platform: "Windows")),
        .init(image: Image(
            id: "4a6c8e0b-2d4f-4a6c-9e0b-2d4f6a8c0e10", name: "app-base-ubuntu2204 (from public image)",
            imageType: "private", osType: "Linux", platform: "Ubuntu")),
        .init(image: Image(
            id: "6c8e0a2d-4f6b-4c8e-8a2d-4f6b8c0e2a11", name: "oracle-linux-7-no-cloudinit",
            imageType: "private", osType: "Linux", platform: "Oracle Linux", supportFcInject: "true")),
        .init(image: Image(
            id: "8e0a2c4f-6b8d-4e0a-9c4f-6b8d0e2a4c12", name: "imported-win2016-erp",
            imageType: "private", osType: "Windows", platform: "Windows", supportFcInject: "true",
            rootOrigin: "file")),
        .init(image: Image(
            id: "0a2c4e6b-8d0f-4a2c-ae6b-8d0f2a4c6e13", name: "team-shared-debian12",
            imageType: "shared", osType: "Linux", platform: "Debian")),
    ]

    static let extraKeypairs: [Keypair] = [
        ("backup-ed25519", "ssh-ed25519", "SHA256:bK8uP2wQ9zR4tY7nM1xC5vL3hJ6gF0dS2aE8iO4kT9q"),
        ("bastion-rsa", "ssh-rsa", "SHA256:Zq1wX9cV5bN3mL7kJ2hG4fD8sA6pO0iU1yT5rE3wQ9m"),
        ("ci-runner-rsa", "ssh-rsa", "SHA256:Hn4mK8pL2qW6eR0tY3uI7oP1aS5dF9gJ2kL6zX0cV4b"),
        ("dev_team_2023", "ssh-ed25519", "SHA256:Ty5uI9oP3aS7dF1gH4jK8lZ2xC6vB0nM3qW7eR1tY5u"),
        ("legacy-rsa-2019", "ssh-rsa", "SHA256:Mp2oI6uY0tR4eW8qA1sD5fG9hJ3kL7zX2cV6bN0mQ4w"),
    ].map { name, kind, fingerprint in
        Keypair(
            name: name, type: "ssh", scope: name.hasPrefix("dev") ? "domain" : "user",
            publicKey: "\(kind) AAAA\(name.replacingOccurrences(of: "-", with: ""))OnlyForTheSimulator \(name)@example",
            fingerprint: fingerprint)
    }

    static let roles = ["web", "api", "worker", "db", "cache", "batch", "gateway", "search", "mq", "etl", "ci", "monitor"]
    static let environments = ["prod", "stage", "dev", "test"]
    static let cjkNames = ["应用服务器", "测试机", "日志收集", "订单服务", "支付网关", "ゲームサーバー", "웹서버", "数据分析"]
    static let emojiNames = ["🚀 deploy", "🔥 hotfix", "🐳 docker", "✅ ready", "🧪 canary", "📦 artifacts"]
    static let longNames = [
        "analytics-pipeline-ingest-worker-with-an-unusually-long-name",
        "华北区域-生产环境-订单处理-高可用集群-节点",
        "customer-facing-recommendation-engine-blue-green-standby",
    ]
    static let flavors: [(id: String, vcpus: Int, ramGB: Int)] = [
        ("s6.medium.2", 1, 2), ("s6.large.2", 2, 4), ("s6.xlarge.2", 4, 8), ("c7.xlarge.2", 4, 8),
        ("m6.xlarge.8", 4, 32), ("c7.2xlarge.4", 8, 32),
    ]
    static let zones = ["cn-north-4a", "cn-north-4b", "cn-north-4c"]
    /// Enterprise projects besides the default one (`0`), which holds half the generated servers.
    static let enterpriseProjects = [
        "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01", "8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02",
        "c1a3e5f7-9b2d-4f6a-8c1e-3a5b7d9f1c03",
    ]
    /// Half the weight on public images, so most servers take the v2 (Cloud-Init) path.
    static let imageWeights = [5, 4, 3, 3, 1, 1, 1, 4, 2, 2, 1, 1, 2]

    /// Server number `number` (0-based across the whole account). Every tenth name is CJK, every
    /// tenth emoji, every tenth very long: the mix is there even in a small account.
    static func server(number: Int, images: [DemoData.DemoImage], random: inout SeededRandom) -> Server {
        let id = uuid(&random)
        let serial = String(format: "%05d", number + 1)
        let name: String
        switch number % 10 {
        case 3: name = "\(pick(cjkNames, &random))-\(serial)"
        case 6: name = "\(pick(emojiNames, &random))-\(serial)"
        case 9: name = "\(pick(longNames, &random))-\(serial)"
        default: name = "\(pick(roles, &random))-\(pick(environments, &random))-\(serial)"
        }
        let image = images[weightedIndex(imageWeights.prefix(images.count), &random)]
        let roll = random.unit()
        let status: ServerStatus = roll < 0.62 ? .active : roll < 0.92 ? .shutoff : .error
        let windows = image.image.osType == "Windows"
        let keyName = !windows && random.unit() < 0.6
            ? pick((DemoData.keypairs + extraKeypairs).map(\.name), &random) : nil
        let flavor = pick(flavors, &random)
        let createdOffset = Int(random.next() % (3 * 365 * 86_400))
        let created = Timestamp.seconds(Date(timeIntervalSince1970: 1_640_995_200 + TimeInterval(createdOffset)))
        // From the number, not the generator, so the servers drawn before stay as they were.
        let enterpriseProject = number % 6 < 3 ? "0" : enterpriseProjects[number % 6 - 3]
        var server = DemoData.server(
            id: id, name: name, status: status, image: image, flavor: flavor.id, vcpus: flavor.vcpus,
            ramGB: flavor.ramGB, ip: "172.16.\(number / 250).\(number % 250 + 2)", az: pick(zones, &random),
            keyName: keyName, locked: number % 17 == 5, systemDisk: number % 97 != 41,
            dataDisk: random.unit() < 0.3, created: created)
        server.enterpriseProjectId = enterpriseProject
        return server
    }

    static func pick<T>(_ items: [T], _ random: inout SeededRandom) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    static func weightedIndex(_ weights: ArraySlice<Int>, _ random: inout SeededRandom) -> Int {
        let total = weights.reduce(0, +)
        var roll = Int(random.next() % UInt64(max(1, total)))
        for (index, weight) in zip(weights.indices, weights) {
            if roll < weight { return index - weights.startIndex }
            roll -= weight
        }
        return 0
    }

    /// A version-4 UUID from the generator: the shape of an ECS server id.
    static func uuid(_ random: inout SeededRandom) -> String {
        let hex = random.hexId()
        let chars = Array(hex)
        let version = "4" + String(chars[13..<16])
        let variant = pick(["8", "9", "a", "b"], &random) + String(chars[17..<20])
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-\(version)-\(variant)-\(String(chars[20..<32]))"
    }
}
