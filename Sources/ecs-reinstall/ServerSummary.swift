import HuaweiCloud

/// One server as `servers --json` prints it. The keys are a stable interface for scripts:
/// every key is always present (null when unknown); new keys may be added, none removed.
struct ServerSummary: Encodable, Sendable {
    var id: String
    var name: String
    var status: String
    var taskState: String?
    var privateIp: String?
    var imageId: String?
    var imageName: String
    var osType: String
    var flavor: String?
    var availabilityZone: String?
    var keyName: String?
    var locked: Bool
    var hasSystemDisk: Bool
    /// `0` is the default enterprise project.
    var enterpriseProjectId: String?

    init(_ server: Server) {
        id = server.id
        name = server.name
        status = server.status.rawValue
        taskState = server.taskState
        privateIp = server.privateIP
        imageId = server.imageId
        imageName = server.imageName
        osType = server.osType
        flavor = server.flavor?.name ?? server.flavor?.id
        availabilityZone = server.availabilityZone
        keyName = server.keyName
        locked = server.locked
        hasSystemDisk = server.hasSystemDisk
        enterpriseProjectId = server.enterpriseProjectId
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, flavor, locked
        case taskState = "task_state"
        case privateIp = "private_ip"
        case imageId = "image_id"
        case imageName = "image_name"
        case osType = "os_type"
        case availabilityZone = "availability_zone"
        case keyName = "key_name"
        case hasSystemDisk = "has_system_disk"
        case enterpriseProjectId = "enterprise_project_id"
    }

    /// Encodes nil as null rather than leaving the key out, so the shape never changes.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(taskState, forKey: .taskState)
        try c.encode(privateIp, forKey: .privateIp)
        try c.encode(imageId, forKey: .imageId)
        try c.encode(imageName, forKey: .imageName)
        try c.encode(osType, forKey: .osType)
        try c.encode(flavor, forKey: .flavor)
        try c.encode(availabilityZone, forKey: .availabilityZone)
        try c.encode(keyName, forKey: .keyName)
        try c.encode(locked, forKey: .locked)
        try c.encode(hasSystemDisk, forKey: .hasSystemDisk)
        try c.encode(enterpriseProjectId, forKey: .enterpriseProjectId)
    }
}

/// `servers --json`: `{"count": N, "servers": [...]}`.
struct ServerListing: Encodable, Sendable {
    var count: Int
    var servers: [ServerSummary]
}
