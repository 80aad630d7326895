import Foundation

/// One server as `GET /v1/{project_id}/cloudservers/detail` returns it (huawei-ecs-api.md §3.3).
/// Decoding is lenient: only `id` is required, unknown fields are ignored.
public struct Server: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var status: ServerStatus
    public var taskState: String?
    public var imageId: String?
    public var metadata: [String: String]
    public var flavor: Flavor?
    public var addresses: [String: [Address]]
    public var volumesAttached: [VolumeAttachment]
    public var locked: Bool
    public var availabilityZone: String?
    public var keyName: String?
    public var created: String?
    public var updated: String?
    /// `0` is the default enterprise project; nil when the cloud did not say.
    public var enterpriseProjectId: String?
    /// Tag strings (`key=value`, or bare words such as `__type_baremetal`).
    public var tags: [String]

    public init(
        id: String, name: String, status: ServerStatus, taskState: String? = nil, imageId: String?,
        metadata: [String: String] = [:], flavor: Flavor? = nil, addresses: [String: [Address]] = [:],
        volumesAttached: [VolumeAttachment] = [], locked: Bool = false, availabilityZone: String? = nil,
        keyName: String? = nil, created: String? = nil, updated: String? = nil,
        enterpriseProjectId: String? = nil, tags: [String] = []
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.taskState = taskState
        self.imageId = imageId
        self.metadata = metadata
        self.flavor = flavor
        self.addresses = addresses
        self.volumesAttached = volumesAttached
        self.locked = locked
        self.availabilityZone = availabilityZone
        self.keyName = keyName
        self.created = created
        self.updated = updated
        self.enterpriseProjectId = enterpriseProjectId
        self.tags = tags
    }

    public struct Flavor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var vcpus: String?
        public var ram: String?

        public init(id: String, name: String?, vcpus: String?, ram: String?) {
            self.id = id
            self.name = name
            self.vcpus = vcpus
            self.ram = ram
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenientString(forKey: .id) ?? ""
            name = c.lenientString(forKey: .name)
            vcpus = c.lenientString(forKey: .vcpus)
            ram = c.lenientString(forKey: .ram)
        }
    }

    public struct Address: Codable, Sendable, Equatable {
        public var addr: String
        public var version: String?
        public var type: String?

        public init(addr: String, version: String? = "4", type: String? = "fixed") {
            self.addr = addr
            self.version = version
            self.type = type
        }

        enum CodingKeys: String, CodingKey {
            case addr, version
            case type = "OS-EXT-IPS:type"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            addr = c.lenientString(forKey: .addr) ?? ""
            version = c.lenientString(forKey: .version)
            type = c.lenientString(forKey: .type)
        }
    }

    public struct VolumeAttachment: Codable, Sendable, Equatable {
        public var id: String
        public var bootIndex: String?
        public var device: String?

        public init(id: String, bootIndex: String?, device: String?) {
            self.id = id
            self.bootIndex = bootIndex
            self.device = device
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenientString(forKey: .id) ?? ""
            bootIndex = c.lenientString(forKey: .bootIndex)
            device = c.lenientString(forKey: .device)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, image, metadata, flavor, addresses, locked, created, updated, tags
        case taskState = "OS-EXT-STS:task_state"
        case volumesAttached = "os-extended-volumes:volumes_attached"
        case availabilityZone = "OS-EXT-AZ:availability_zone"
        case keyName = "key_name"
        case enterpriseProjectId = "enterprise_project_id"
        case sysTags = "sys_tags"
    }

    struct ImageRef: Codable { var id: String? }

    /// A system tag, `{"key": "_sys_enterprise_project_id", "value": "0"}`.
    struct SysTag: Decodable {
        var key: String?
        var value: String?

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = c.lenientString(forKey: .key)
            value = c.lenientString(forKey: .value)
        }

        enum CodingKeys: String, CodingKey { case key, value }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredLenientString(forKey: .id)
        name = c.lenientString(forKey: .name) ?? ""
        status = ServerStatus(rawValue: c.lenientString(forKey: .status) ?? "UNKNOWN")
        // An empty task_state is no task, as null is: every check of "settled" reads nil.
        taskState = c.lenientString(forKey: .taskState).flatMap { $0.isEmpty ? nil : $0 }
        metadata = c.lenient([String: String].self, forKey: .metadata) ?? [:]
        imageId = c.lenient(ImageRef.self, forKey: .image)?.id ?? metadata["metering.image_id"]
        flavor = c.lenient(Flavor.self, forKey: .flavor)
        addresses = c.lenient([String: [Address]].self, forKey: .addresses) ?? [:]
        volumesAttached = c.lenient([VolumeAttachment].self, forKey: .volumesAttached) ?? []
        locked = c.lenient(Bool.self, forKey: .locked) ?? false
        availabilityZone = c.lenientString(forKey: .availabilityZone)
        keyName = c.lenientString(forKey: .keyName)
        created = c.lenientString(forKey: .created)
        updated = c.lenientString(forKey: .updated)
        // Without the field, the system tag says the same.
        enterpriseProjectId = c.lenientString(forKey: .enterpriseProjectId)
            ?? c.lenient([SysTag].self, forKey: .sysTags)?.first { $0.key == "_sys_enterprise_project_id" }?.value
        tags = c.lenient([String].self, forKey: .tags) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(taskState, forKey: .taskState)
        try c.encode(ImageRef(id: imageId), forKey: .image)
        try c.encode(metadata, forKey: .metadata)
        try c.encodeIfPresent(flavor, forKey: .flavor)
        try c.encode(addresses, forKey: .addresses)
        try c.encode(volumesAttached, forKey: .volumesAttached)
        try c.encode(locked, forKey: .locked)
        try c.encodeIfPresent(availabilityZone, forKey: .availabilityZone)
        try c.encode(keyName, forKey: .keyName)
        try c.encodeIfPresent(created, forKey: .created)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encodeIfPresent(enterpriseProjectId, forKey: .enterpriseProjectId)
        try c.encode(tags, forKey: .tags)
    }
}

extension Server {
    /// `Linux`, `Windows` or `Other`, from `metadata.os_type`.
    public var osType: String { metadata["os_type"] ?? "Other" }
    public var isWindows: Bool { osType.lowercased() == "windows" }
    /// `ACTIVE`, or `REBUILD (rebuild_spawning)` while a task runs: the status as commands print it.
    public var statusText: String { taskState.map { "\(status) (\($0))" } ?? status.rawValue }
    /// After a reinstall: the server has left REBUILD and runs no task, so it has booted.
    public var hasSettledAfterReinstall: Bool { status != .rebuild && taskState == nil }
    /// A running server must be stopped before (or by) a reinstall.
    public var isRunning: Bool { status == .active }
    public var imageName: String { metadata["image_name"] ?? "" }
    /// The first fixed IPv4 address, in a stable order of networks.
    public var privateIP: String? {
        addresses.keys.sorted().lazy.compactMap { key in
            self.addresses[key]?.first { ($0.type ?? "fixed") == "fixed" && ($0.version ?? "4") == "4" }?.addr
        }.first
    }
    /// A system disk is the volume whose `bootIndex` is `"0"`; without one a reinstall is impossible.
    public var hasSystemDisk: Bool { volumesAttached.contains { $0.bootIndex == "0" } }
    /// Bare metal servers carry this tag; ECS lists them unless told not to (`not-tags`).
    public static let bareMetalTag = "__type_baremetal"
    /// The tag alone or as a key (`__type_baremetal=…`), as tags are written `key=value`.
    public var isBareMetal: Bool {
        tags.contains { $0 == Self.bareMetalTag || $0.hasPrefix(Self.bareMetalTag + "=") }
    }
    /// In an enterprise project other than the default one (an unknown one counts as the default:
    /// accounts without enterprise projects send none).
    public var isOutsideDefaultEnterpriseProject: Bool {
        enterpriseProjectId.map { $0 != EnterpriseProjectScope.defaultProjectId } ?? false
    }
    /// The enterprise project as shown: `default` for `0`, else its id ("" when unknown).
    public var enterpriseProjectName: String {
        enterpriseProjectId.map(EnterpriseProjectScope.displayName) ?? ""
    }
}

/// `{"count": N, "servers": [...]}`.
public struct ServerPage: Codable, Sendable, Equatable {
    public var count: Int
    public var servers: [Server]

    public init(count: Int, servers: [Server]) {
        self.count = count
        self.servers = servers
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        servers = try c.decode([Server].self, forKey: .servers)
        count = c.lenientInt(forKey: .count) ?? servers.count
    }
}
