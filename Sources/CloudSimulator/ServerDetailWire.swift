import Foundation
import HuaweiCloud

/// A server as the detail routes send it: the shared `Server` model, plus what a real ECS sends
/// that the model does not keep.
///
/// `realistic` (the default, `SimulatorConfiguration.realisticServerDetails`) sends every field of
/// the reference's `ServerDetail` at its real size, about 4 KB a server: a listing then costs the
/// client what the real cloud's would (bytes, decoding), and the client's decoding meets every
/// field it must tolerate. Lean details (the fields the tools read, about 1 KB) are for runs where
/// only the logic matters. The values beyond the model are derived from the server's id, so the
/// same server always looks the same.
struct ServerDetailWire: Encodable {
    var server: Server
    var realistic = true

    func encode(to encoder: Encoder) throws {
        if realistic {
            try encodeRealistic(to: encoder)
        } else {
            try encodeLean(to: encoder)
        }
    }

    private var enterpriseProjectId: String { server.enterpriseProjectId ?? "0" }
    private var sysTags: [[String: String]] { [["key": "_sys_enterprise_project_id", "value": enterpriseProjectId]] }

    private func encodeLean(to encoder: Encoder) throws {
        try server.encode(to: encoder)
        var c = encoder.container(keyedBy: WireKey.self)
        let (vmState, powerState) = Self.vmAndPowerState(server)
        try c.encode(vmState, forKey: "OS-EXT-STS:vm_state")
        try c.encode(powerState, forKey: "OS-EXT-STS:power_state")
        try c.encode("", forKey: "description")
        try c.encode(rootDevice, forKey: "OS-EXT-SRV-ATTR:root_device_name")
        try c.encode("UP", forKey: "host_status")
        if server.enterpriseProjectId == nil { try c.encode("0", forKey: "enterprise_project_id") }
        try c.encode(sysTags, forKey: "sys_tags")
    }

    private var rootDevice: String { server.isWindows ? "/dev/sda" : "/dev/vda" }

    // MARK: - Realistic

    private func encodeRealistic(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        let hex = Self.hex(server.id)
        let (vmState, powerState) = Self.vmAndPowerState(server)
        let created = server.created ?? "2024-01-01T00:00:00Z"
        try c.encode(server.id, forKey: "id")
        try c.encode(server.name, forKey: "name")
        try c.encode("", forKey: "description")
        try c.encode(server.status.rawValue, forKey: "status")
        try c.encode(server.taskState, forKey: "OS-EXT-STS:task_state")
        try c.encode(vmState, forKey: "OS-EXT-STS:vm_state")
        try c.encode(powerState, forKey: "OS-EXT-STS:power_state")
        try c.encode(["id": server.imageId ?? ""], forKey: "image")
        try c.encode(metadata(hex), forKey: "metadata")
        try c.encode(Flavor(server.flavor), forKey: "flavor")
        try c.encode(addresses(hex), forKey: "addresses")
        try c.encode(server.volumesAttached.map(Volume.init), forKey: "os-extended-volumes:volumes_attached")
        try c.encode(server.keyName, forKey: "key_name")
        try c.encode(server.locked, forKey: "locked")
        try c.encode(server.tags, forKey: "tags")
        try c.encode(sysTags, forKey: "sys_tags")
        try c.encode(enterpriseProjectId, forKey: "enterprise_project_id")
        try c.encode(server.availabilityZone ?? "", forKey: "OS-EXT-AZ:availability_zone")
        try c.encode(created, forKey: "created")
        try c.encode(server.updated ?? created, forKey: "updated")
        try c.encode("UP", forKey: "host_status")
        try c.encode(String((hex + hex).prefix(56)), forKey: "hostId")
        try c.encode("7e25b1da389f4697a79df3a0e5bd494e", forKey: "user_id")
        try c.encode("0a1b2c3d4e5f40718293a4b5c6d7e8f9", forKey: "tenant_id")
        try c.encode("", forKey: "accessIPv4")
        try c.encode("", forKey: "accessIPv6")
        try c.encode(server.status == .build ? 40 : 0, forKey: "progress")
        try c.encode("", forKey: "config_drive")
        try c.encode("MANUAL", forKey: "OS-DCF:diskConfig")
        try c.encode(created.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ".000000"),
                     forKey: "OS-SRV-USG:launched_at")
        try c.encode("", forKey: "OS-SRV-USG:terminated_at")
        try c.encode("", forKey: "auto_terminate_time")
        try c.encode(rootDevice, forKey: "OS-EXT-SRV-ATTR:root_device_name")
        try c.encode("pod01.\(server.availabilityZone ?? "az")", forKey: "OS-EXT-SRV-ATTR:host")
        try c.encode("nova\(hex.prefix(3))-\(hex.dropFirst(3).prefix(4))@\(hex.dropFirst(7).prefix(2))",
                     forKey: "OS-EXT-SRV-ATTR:hypervisor_hostname")
        try c.encode("instance-000\(hex.prefix(5))", forKey: "OS-EXT-SRV-ATTR:instance_name")
        try c.encode(Self.hostname(server.name, hex), forKey: "OS-EXT-SRV-ATTR:hostname")
        try c.encode("r-\(hex.suffix(8))", forKey: "OS-EXT-SRV-ATTR:reservation_id")
        try c.encode(0, forKey: "OS-EXT-SRV-ATTR:launch_index")
        try c.encode("", forKey: "OS-EXT-SRV-ATTR:kernel_id")
        try c.encode("", forKey: "OS-EXT-SRV-ATTR:ramdisk_id")
        try c.encode("", forKey: "OS-EXT-SRV-ATTR:user_data")
        try c.encode([["id": Self.derivedId(server.id, "5"), "name": "default"],
                      ["id": Self.derivedId(server.id, "6"), "name": "sg-web-ssh-rdp"]], forKey: "security_groups")
        try c.encode(["group": [String](), "tenancy": ["shared"], "dedicated_host_id": [String]()],
                     forKey: "os:scheduler_hints")
        try c.encode(["hw:cpu_threads": 2], forKey: "cpu_options")
        try c.encode(["hypervisor_type": "kvm"], forKey: "hypervisor")
        try c.encode(["secure_boot_enabled": false, "tpm_enabled": false], forKey: "security_options")
        try c.encode(networkInterfaces(), forKey: "network_interfaces")
        if server.status == .error {
            try c.encode(Fault(created: server.updated ?? created), forKey: "fault")
        }
    }

    /// The model's metadata plus the keys a real server carries beside them (huawei-ecs-api.md §3.3).
    private func metadata(_ hex: String) -> [String: String] {
        var metadata = server.metadata
        let extra = [
            "EcmResStatus": "",
            "__support_agent_list": "hss,ces",
            "metering.cloudServiceType": "hws.service.type.ec2",
            "metering.resourcespeccode": metadata["metering.resourcespeccode"] ?? "",
            "cascaded.instance_extrainfo": "pcibridge:2,system_serial_number:\(Self.derivedId(server.id, "7")),"
                + "max_cpu:254,max_mem:4194304,iommu_mode:true,org.openstack__1__cpu_model:"
                + "Intel(R) Xeon(R) Gold 6278C CPU @ 2.60GHz,cpu_num_for_one_plug:2,xml_format:xen-xml-v2,"
                + "current_mem:\(Int(server.flavor?.ram ?? "") ?? 4096),max_nics:12,max_disks:60,"
                + "org.openstack__1__os_type:\(server.osType),org.openstack__1__image_id:\(server.imageId ?? ""),"
                + "org.openstack__1__vpc_id:\(server.metadata["vpc_id"] ?? ""),numa_affinity:strict,"
                + "cpu_policy:shared,hugepage_size:0,vnic_queue_num:\(server.flavor?.vcpus ?? "1"),"
                + "secure_boot:false,uefi_boot:false,hw_vif_multiqueue_enabled:true",
            "lockCheckEndpoint": "",
            "lockScene": "",
            "lockSource": "",
            "lockSourceId": "",
            "virtual_env_type": "FusionCompute",
            "agency_name": "",
            "os_type": server.osType,
            "hostname": Self.hostname(server.name, hex),
        ]
        metadata.merge(extra) { model, _ in model }
        return metadata
    }

    private func addresses(_ hex: String) -> [String: [Address]] {
        var networks: [String: [Address]] = [:]
        for (network, list) in server.addresses {
            networks[network] = list.enumerated().map { index, address in
                Address(
                    version: address.version ?? "4", addr: address.addr, type: address.type ?? "fixed",
                    mac: "fa:16:3e:\(hex.dropFirst(2 * index).prefix(2)):\(hex.dropFirst(2 * index + 2).prefix(2)):"
                        + "\(hex.dropFirst(2 * index + 4).prefix(2))",
                    portId: Self.derivedId(server.id, String(index + 2)), primary: index == 0)
            }
        }
        return networks
    }

    /// `network_interfaces`: one per port, the first primary.
    private func networkInterfaces() -> [NetworkInterface] {
        server.addresses.keys.sorted().flatMap { network in
            (server.addresses[network] ?? []).filter { ($0.type ?? "fixed") == "fixed" }.enumerated().map { index, address in
                NetworkInterface(portId: Self.derivedId(server.id, String(index + 2)), primary: index == 0,
                                 ipAddresses: [address.addr], subnetId: Self.derivedId(network, "e"))
            }
        }
    }

    struct NetworkInterface: Encodable {
        var portId: String
        var primary: Bool
        var ipAddresses: [String]
        var ipv6Addresses: [String] = []
        var subnetId: String

        enum CodingKeys: String, CodingKey {
            case primary
            case portId = "port_id"
            case ipAddresses = "ip_addresses"
            case ipv6Addresses = "ipv6_addresses"
            case subnetId = "subnet_id"
        }
    }

    struct Address: Encodable {
        var version: String
        var addr: String
        var type: String
        var mac: String
        var portId: String
        var primary: Bool

        enum CodingKeys: String, CodingKey {
            case version, addr, primary
            case type = "OS-EXT-IPS:type"
            case mac = "OS-EXT-IPS-MAC:mac_addr"
            case portId = "OS-EXT-IPS:port_id"
        }
    }

    struct Flavor: Encodable {
        var id: String
        var name: String
        var vcpus: String
        var ram: String
        var disk = "0"
        var gpus: [String] = []
        var asicAccelerators: [String] = []

        init(_ flavor: Server.Flavor?) {
            id = flavor?.id ?? ""
            name = flavor?.name ?? id
            vcpus = flavor?.vcpus ?? ""
            ram = flavor?.ram ?? ""
        }

        enum CodingKeys: String, CodingKey {
            case id, name, vcpus, ram, disk, gpus
            case asicAccelerators = "asic_accelerators"
        }
    }

    struct Volume: Encodable {
        var id: String
        var bootIndex: String?
        var device: String?
        var deleteOnTermination: String

        init(_ volume: Server.VolumeAttachment) {
            id = volume.id
            bootIndex = volume.bootIndex
            device = volume.device
            deleteOnTermination = volume.bootIndex == "0" ? "true" : "false"
        }

        enum CodingKeys: String, CodingKey {
            case id, bootIndex, device
            case deleteOnTermination = "delete_on_termination"
        }
    }

    /// `fault`, on a server in ERROR (huawei-ecs-api.md §3.3).
    struct Fault: Encodable {
        var code = 500
        var created: String
        var message = "Build of instance failed: the host could not attach the volume"
        var details = "Traceback (most recent call last): File \"/usr/lib/python3/site-packages/nova/compute/manager.py\", "
            + "line 2437, in _build_and_run_instance: VolumeAttachFailed: volume attach timed out"
    }

    /// The hex digits of an id, long enough to cut derived values from.
    static func hex(_ id: String) -> String {
        let digits = id.filter(\.isHexDigit).lowercased()
        return digits.count >= 32 ? digits : digits + String(repeating: "0", count: 32 - digits.count)
    }

    /// Another UUID-shaped id derived from the server's (a port, a security group).
    static func derivedId(_ id: String, _ prefix: String) -> String {
        prefix + String(id.dropFirst(prefix.count))
    }

    /// A host name as ECS derives one from the server's name: ASCII letters, digits and `-`.
    static func hostname(_ name: String, _ hex: String) -> String {
        let ascii = String(name.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
        }).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return ascii.isEmpty ? "ecs-\(hex.prefix(4))" : String(ascii.prefix(63))
    }

    /// `OS-EXT-STS:vm_state` and `OS-EXT-STS:power_state` (1 running, 4 shut down).
    static func vmAndPowerState(_ server: Server) -> (String, Int) {
        switch server.status {
        case .active: return ("active", 1)
        case .shutoff: return ("stopped", 4)
        case .rebuild: return ("stopped", 4)  // withStopServer stops the server before rebuilding
        case .error: return ("error", 4)
        default: return ("active", 1)
        }
    }
}

/// A JSON key by name, for bodies with many fixed keys.
struct WireKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { stringValue = value }
}
