import HuaweiCloud

/// How a reinstalled server is logged into: SSH for Linux, RDP for Windows.
public enum LoginKind: String, Sendable, Equatable, Codable {
    case ssh, rdp

    /// `SSH` or `RDP`, as the wording says it.
    public var name: String { rawValue.uppercased() }
    /// 22 for SSH, 3389 for RDP.
    public var defaultPort: Int { self == .ssh ? 22 : 3389 }
}

/// Where and how to log into a reinstalled server: what the readiness probe connects to and what
/// the login command names.
public struct LoginTarget: Sendable, Equatable, Codable {
    public var address: String
    public var port: Int
    public var kind: LoginKind
    /// `root` for Linux, `Administrator` for Windows.
    public var user: String
    /// The key pair the server was reinstalled with, when it was.
    public var keypairName: String?

    public init(address: String, port: Int, kind: LoginKind, user: String, keypairName: String? = nil) {
        self.address = address
        self.port = port
        self.kind = kind
        self.user = user
        self.keypairName = keypairName
    }

    /// The target for `server` once reinstalled: its private fixed IPv4 address unless `address`
    /// is chosen, port 22 (Linux) or 3389 (Windows) unless `port` is chosen. Nil when no address
    /// is chosen and the server has none (`noAddress` says so).
    public static func of(server: Server, os: TargetOS? = nil, port: Int? = nil, address: String? = nil) -> LoginTarget? {
        let target = planned(server: server, os: os, port: port, address: address)
        return target.address.isEmpty ? nil : target
    }

    /// The same choice of kind, port and user, with an empty address when there is none: what a
    /// "not probed" report names.
    public static func planned(server: Server, os: TargetOS? = nil, port: Int? = nil, address: String? = nil) -> LoginTarget {
        let os = os ?? TargetOS(server: server)
        let kind: LoginKind = os == .windows ? .rdp : .ssh
        return LoginTarget(address: address ?? server.privateIP ?? "", port: port ?? kind.defaultPort, kind: kind,
                           user: os == .windows ? "Administrator" : "root", keypairName: server.keyName)
    }

    /// Why nothing is probed when the job that succeeded names no server.
    public static let noServer = "the job names no server, so there is no address to probe"

    /// Why a server without an address is not probed.
    public static let noAddress = noPrivateAddress(then: "choose the address to probe")

    /// The same, with what the operator can do where they are (the TUI has no option to give).
    public static func noPrivateAddress(then advice: String) -> String {
        "the server has no private IPv4 address; \(advice)"
    }

    /// The name ssh and known_hosts use: the address for port 22, `[address]:port` otherwise.
    public var hostName: String { KnownHosts.hostName(address: address, port: port) }

    /// `10.0.0.5:22`, `[fd00::5]:22`.
    public var endpoint: String { (address.contains(":") ? "[\(address)]" : address) + ":\(port)" }

    enum CodingKeys: String, CodingKey {
        case address, port, kind, user
        case keypairName = "keypair_name"
    }
}
