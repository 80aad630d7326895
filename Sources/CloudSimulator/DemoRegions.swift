import HuaweiCloud

/// The demo account's projects beside cn-north-4: two more regions and a subproject of
/// cn-north-4, each with a few servers and key pairs of its own, to switch to with `:`.
public enum DemoRegions {
    /// The region of the demo account's main project (the demo's data set): its other projects
    /// are those below, whatever region the demo opens in.
    public static let home = "cn-north-4"
    /// The regions the demo account has a project in: `--demo --region` picks one of them.
    public static var regions: [String] {
        var regions = [home]
        for region in projects.compactMap({ ProjectScope.region(ofProjectNamed: $0.name) }) where !regions.contains(region) {
            regions.append(region)
        }
        return regions
    }
    /// The project ids of cn-east-3, ap-southeast-1 and the subproject `cn-north-4_staging`.
    public static let east3 = "4b2e7c1d9a3f48e6b5c0d1e2f3a4b5c6"
    public static let southeast1 = "6d4f9e2a1b3c47d8a9e0f1a2b3c4d5e6"
    public static let north4Sub = "8a6c1e3f5b7d49a2b4c6d8e0f1a3b5c7"

    static let projects: [SimulatedProject] = [
        SimulatedProject(
            id: east3, name: "cn-east-3",
            servers: [
                DemoData.server(id: "4c8e2a6b-1d3f-4a5c-9e7b-2d4f6a8c0e21", name: "east-web-01", status: .active,
                                image: DemoData.ubuntu, flavor: "s6.large.2", vcpus: 2, ramGB: 4, ip: "10.3.0.11",
                                az: "cn-east-3a", keyName: "east-deploy", created: "2024-08-02T03:11:20Z"),
                DemoData.server(id: "6e0a4c8d-3f5b-4c7e-8a9d-4f6b8c0e2a22", name: "east-db-01", status: .shutoff,
                                image: DemoData.euler, flavor: "m6.xlarge.8", vcpus: 4, ramGB: 32, ip: "10.3.1.10",
                                az: "cn-east-3b", keyName: "east-deploy", dataDisk: true, created: "2024-08-02T03:40:05Z"),
                DemoData.server(id: "8a2c6e0f-5b7d-4e9a-b1c3-6b8d0f2a4c23", name: "east-win-01", status: .active,
                                image: DemoData.windows2022, flavor: "s6.xlarge.2", vcpus: 4, ramGB: 8, ip: "10.3.0.31",
                                az: "cn-east-3a", created: "2024-09-14T07:02:44Z"),
            ],
            images: DemoData.images.map(\.image),
            keypairs: [
                Keypair(name: "east-deploy", type: "ssh", scope: "user",
                        publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoEastKeyOnlyForTheSimulator east@ci",
                        fingerprint: "SHA256:Ea5tK3yQm8vRb2NcWp4ZsL7fHgJ1uDoX6iE9lTqA0s"),
            ]),
        SimulatedProject(
            id: southeast1, name: "ap-southeast-1",
            servers: [
                DemoData.server(id: "1b5d9f3a-7c9e-4b1d-a3f5-8c0e2a4b6d31", name: "sg-api-01", status: .active,
                                image: DemoData.debian, flavor: "c7.large.2", vcpus: 2, ramGB: 4, ip: "172.16.0.11",
                                az: "ap-southeast-1a", keyName: "sg-ops", created: "2024-10-01T01:00:00Z"),
                DemoData.server(id: "3d7f1b5c-9e1a-4d3f-b5c7-0e2a4c6d8f32", name: "sg-api-02", status: .shutoff,
                                image: DemoData.debian, flavor: "c7.large.2", vcpus: 2, ramGB: 4, ip: "172.16.0.12",
                                az: "ap-southeast-1b", keyName: "sg-ops", created: "2024-10-01T01:02:30Z"),
            ],
            images: DemoData.images.map(\.image),
            keypairs: [
                Keypair(name: "sg-ops", type: "ssh", scope: "user",
                        publicKey: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDdemoSingaporeKeyOnlyForTheSimulator sg@ops",
                        fingerprint: "SHA256:Sg0pSk4yLm2vTb7NcWq9ZsA1fHgJ5uDoK3iE8lTqP6w"),
            ]),
        SimulatedProject(
            id: north4Sub, name: "cn-north-4_staging",
            servers: [
                DemoData.server(id: "5f9b3d7e-1a3c-4f5b-8d7e-2a4c6e8f0b41", name: "staging-app-01", status: .active,
                                image: DemoData.ubuntu, flavor: "s6.medium.2", vcpus: 1, ramGB: 2, ip: "192.168.8.11",
                                az: "cn-north-4a", keyName: "deploy-rsa", created: "2024-11-05T09:30:00Z"),
                DemoData.server(id: "7b1d5f9a-3c5e-4b7d-9f1a-4c6e8a0b2d42", name: "staging-app-02", status: .shutoff,
                                image: DemoData.ubuntu, flavor: "s6.medium.2", vcpus: 1, ramGB: 2, ip: "192.168.8.12",
                                az: "cn-north-4b", keyName: "deploy-rsa", created: "2024-11-05T09:31:12Z"),
            ],
            images: DemoData.images.map(\.image),
            keypairs: DemoData.keypairs),
    ]
}
