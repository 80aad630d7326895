import HuaweiCloud

/// What the fake cloud holds at start: servers, the images they were built from, key pairs, in
/// the configuration's project; and the account's other projects, each with its own.
public struct SimulatorDataSet: Sendable {
    public var servers: [Server]
    public var images: [Image]
    public var keypairs: [Keypair]
    /// Projects of other regions, and subprojects (`cn-north-4_sub`), that IAM lists beside the
    /// configuration's and that answer from their own servers, images, key pairs and jobs.
    public var otherProjects: [SimulatedProject]

    public init(servers: [Server], images: [Image], keypairs: [Keypair], otherProjects: [SimulatedProject] = []) {
        self.servers = servers
        self.images = images
        self.keypairs = keypairs
        self.otherProjects = otherProjects
    }
}

/// One more project of the simulated account.
public struct SimulatedProject: Sendable {
    public var id: String
    /// The region's id for its default project, `{region}_{name}` for a subproject.
    public var name: String
    public var servers: [Server]
    public var images: [Image]
    public var keypairs: [Keypair]

    public init(id: String, name: String, servers: [Server], images: [Image], keypairs: [Keypair]) {
        self.id = id
        self.name = name
        self.servers = servers
        self.images = images
        self.keypairs = keypairs
    }
}

extension SimulatorDataSet {
    /// A deterministic account of 12 servers that shows every case the tool must handle:
    /// public images with Cloud-Init (v2), private images without (v1), Windows, CJK names,
    /// a locked server, one without a system disk, one in ERROR, an imported image. Beside it,
    /// smaller projects in two more regions and a subproject (`DemoRegions`), to switch to.
    public static let demo = SimulatorDataSet(
        servers: DemoData.servers,
        images: DemoData.images.map(\.image),
        keypairs: DemoData.keypairs,
        otherProjects: DemoRegions.projects)
}

/// The demo account, spelled out.
enum DemoData {
    static let vpc = "4c6a1f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b"

    struct DemoImage {
        var image: Image
        var osBit = "64"
    }

    static let ubuntu = DemoImage(image: Image(
        id: "8c9b1a7e-3f2d-4e6b-9c1a-5d7e2f8b4a01", name: "Ubuntu 22.04 server 64bit",
        imageType: "gold", osType: "Linux", platform: "Ubuntu"))
    static let debian = DemoImage(image: Image(
        id: "2f4e6a8c-1b3d-4f5a-8e7c-9d0b2a4c6e02", name: "Debian 12.0.0 64bit",
        imageType: "gold", osType: "Linux", platform: "Debian"))
    static let euler = DemoImage(image: Image(
        id: "5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e03", name: "Huawei Cloud EulerOS 2.0 Standard 64 bit",
        imageType: "gold", osType: "Linux", platform: "EulerOS"))
    static let windows2022 = DemoImage(image: Image(
        id: "9e1b3d5f-7a9c-4e1b-8d5f-7a9c1e3b5d04", name: "Windows Server 2022 Datacenter 64bit English",
        imageType: "gold", osType: "Windows", platform: "Windows"))
    static let legacyCentOS = DemoImage(image: Image(
        id: "c3e5a7b9-d1f3-4a5c-8e7b-9d1f3a5c7e05", name: "legacy-centos7-golden",
        imageType: "private", osType: "Linux", platform: "CentOS", supportFcInject: "true"))
    static let windowsAD = DemoImage(image: Image(
        id: "e7b9d1f3-a5c7-4e9b-ad3f-5a7c9e1b3d06", name: "win2019-ad-template",
        imageType: "private", osType: "Windows", platform: "Windows", supportFcInject: "true"))
    static let importedRHEL = DemoImage(image: Image(
        id: "1d3f5a7c-9e1b-4d3f-b7c9-e1b3d5f7a907", name: "imported-rhel8-app",
        imageType: "private", osType: "Linux", platform: "RedHat", rootOrigin: "file"))

    static let images = [ubuntu, debian, euler, windows2022, legacyCentOS, windowsAD, importedRHEL]

    static let keypairs = [
        Keypair(
            name: "deploy-rsa", type: "ssh", scope: "user",
            publicKey: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDdemoDeployKeyOnlyForTheSimulator deploy@ci",
            fingerprint: "SHA256:3f9Qm4cB1vZ8kT2yLrW7nXh5sJdP0aGeUoViN6tCqKw"),
        Keypair(
            name: "ops-ed25519", type: "ssh", scope: "user",
            publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoOpsKeyOnlyForTheSimulator ops@example",
            fingerprint: "SHA256:Xk2v9LpQe7RtYb4NcWm1ZsA8fHgJ3uDoK6iE5lTqP0w"),
    ]

    static func server(
        id: String, name: String, status: ServerStatus, image: DemoImage, flavor: String, vcpus: Int, ramGB: Int,
        ip: String, az: String, keyName: String? = nil, locked: Bool = false, systemDisk: Bool = true,
        dataDisk: Bool = false, created: String
    ) -> Server {
        let os = image.image.osType ?? "Linux"
        let suffix = os == "Windows" ? "win" : "linux"
        var volumes: [Server.VolumeAttachment] = []
        if systemDisk {
            volumes.append(.init(id: volumeId(id, 0), bootIndex: "0", device: "/dev/vda"))
        }
        if dataDisk || !systemDisk {
            volumes.append(.init(id: volumeId(id, 1), bootIndex: "1", device: "/dev/vdb"))
        }
        return Server(
            id: id, name: name, status: status, imageId: image.image.id,
            metadata: [
                "os_type": os,
                "os_bit": image.osBit,
                "image_name": image.image.name,
                "metering.image_id": image.image.id,
                "metering.imagetype": image.image.imageType ?? "private",
                "metering.resourcespeccode": "\(flavor).\(suffix)",
                "metering.resourcetype": "1",
                "charging_mode": "0",
                "vpc_id": vpc,
            ],
            flavor: .init(id: flavor, name: flavor, vcpus: String(vcpus), ram: String(ramGB * 1024)),
            addresses: [vpc: [.init(addr: ip, version: "4", type: "fixed")]],
            volumesAttached: volumes, locked: locked, availabilityZone: az, keyName: keyName,
            created: created, updated: created, enterpriseProjectId: "0")
    }

    private static func volumeId(_ serverId: String, _ index: Int) -> String {
        // Same shape as a server id, derived from it so the data set stays deterministic.
        "d\(index)" + serverId.dropFirst(2)
    }

    static let servers: [Server] = [
        server(id: "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01", name: "web-01", status: .active, image: ubuntu,
               flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "192.168.0.11", az: "cn-north-4a",
               keyName: "ops-ed25519", created: "2024-03-12T02:14:09Z"),
        server(id: "7a2d4f6b-8c1e-4a3f-b5d7-9e1c3a5f7b02", name: "web-02", status: .active, image: ubuntu,
               flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "192.168.0.12", az: "cn-north-4b",
               keyName: "ops-ed25519", created: "2024-03-12T02:16:41Z"),
        server(id: "b4e6a8c1-2d3f-4b5a-9c7e-1f3a5b7d9c03", name: "legacy-app", status: .shutoff,
               image: legacyCentOS, flavor: "s6.medium.2", vcpus: 1, ramGB: 2, ip: "192.168.0.21",
               az: "cn-north-4a", dataDisk: true, created: "2023-07-30T09:02:55Z"),
        server(id: "d8a1c3e5-7f9b-4d1c-a3e5-7b9d1f3a5c04", name: "win-ad-01", status: .shutoff,
               image: windowsAD, flavor: "s6.xlarge.2", vcpus: 4, ramGB: 8, ip: "192.168.0.31",
               az: "cn-north-4a", created: "2023-11-04T06:45:12Z"),
        server(id: "1e3a5c7f-9b1d-4f3a-85c7-e9b1d3f5a705", name: "数据库-主节点", status: .active, image: euler,
               flavor: "m6.xlarge.8", vcpus: 4, ramGB: 32, ip: "192.168.1.10", az: "cn-north-4c",
               keyName: "deploy-rsa", dataDisk: true, created: "2024-01-08T12:30:00Z"),
        server(id: "5c7e9a1b-3d5f-4c7e-9a1b-3d5f7c9e1a06", name: "数据库-从节点", status: .shutoff, image: euler,
               flavor: "m6.xlarge.8", vcpus: 4, ramGB: 32, ip: "192.168.1.11", az: "cn-north-4c",
               keyName: "deploy-rsa", dataDisk: true, created: "2024-01-08T12:31:27Z"),
        server(id: "9f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507", name: "build-runner", status: .active, image: debian,
               flavor: "c7.xlarge.2", vcpus: 4, ramGB: 8, ip: "192.168.0.41", az: "cn-north-4b",
               keyName: "deploy-rsa", created: "2024-05-19T15:03:38Z"),
        server(id: "2b4d6f8a-1c3e-4b5d-8f7a-9c1e3b5d7f08", name: "win-rdp-02", status: .active,
               image: windows2022, flavor: "s6.xlarge.2", vcpus: 4, ramGB: 8, ip: "192.168.0.32",
               az: "cn-north-4b", created: "2024-02-27T01:20:16Z"),
        server(id: "6d8f1a3c-5e7b-4d9f-a1c3-5e7b9d1f3a09", name: "batch-locked", status: .active, image: ubuntu,
               flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "192.168.0.51", az: "cn-north-4a",
               keyName: "ops-ed25519", locked: true, created: "2024-06-02T08:11:50Z"),
        server(id: "a1c3e5b7-9d1f-4a3c-b5e7-9d1f3a5c7e10", name: "scratch-nodisk", status: .shutoff,
               image: ubuntu, flavor: "s6.medium.2", vcpus: 1, ramGB: 2, ip: "192.168.0.61", az: "cn-north-4a",
               systemDisk: false, created: "2024-06-15T10:00:03Z"),
        server(id: "e5b7d9f1-3a5c-4e7b-9d1f-3a5c7e9b1d11", name: "cache-01", status: .error, image: debian,
               flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "192.168.0.71", az: "cn-north-4b",
               created: "2024-04-22T19:47:31Z"),
        server(id: "c9d1f3a5-b7c9-4e1d-a3f5-b7c9d1e3f512", name: "imported-app", status: .shutoff,
               image: importedRHEL, flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "192.168.0.81",
               az: "cn-north-4c", created: "2024-07-01T04:25:44Z"),
    ]
}
