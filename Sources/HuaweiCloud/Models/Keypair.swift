import Foundation

/// A KPS key pair as `GET /v3/{project_id}/keypairs` lists it.
public struct Keypair: Codable, Sendable, Equatable {
    public var name: String
    public var type: String?
    public var scope: String?
    public var publicKey: String?
    public var fingerprint: String?

    public init(name: String, type: String? = "ssh", scope: String? = "user", publicKey: String? = nil,
                fingerprint: String? = nil) {
        self.name = name
        self.type = type
        self.scope = scope
        self.publicKey = publicKey
        self.fingerprint = fingerprint
    }

    enum CodingKeys: String, CodingKey {
        case name, type, scope, fingerprint
        case publicKey = "public_key"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.requiredLenientString(forKey: .name)
        type = c.lenientString(forKey: .type)
        scope = c.lenientString(forKey: .scope)
        publicKey = c.lenientString(forKey: .publicKey)
        fingerprint = c.lenientString(forKey: .fingerprint)
    }
}

/// `{"keypairs":[{"keypair":{…}}], "page_info":{"next_marker", "current_count"}}`.
public struct KeypairPage: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable { public var keypair: Keypair }
    public struct PageInfo: Codable, Sendable, Equatable {
        public var nextMarker: String?
        public var currentCount: Int?

        public init(nextMarker: String?, currentCount: Int?) {
            self.nextMarker = nextMarker
            self.currentCount = currentCount
        }

        enum CodingKeys: String, CodingKey {
            case nextMarker = "next_marker"
            case currentCount = "current_count"
        }
    }

    public var keypairs: [Entry]
    public var pageInfo: PageInfo?

    public init(keypairs: [Keypair], nextMarker: String?) {
        self.keypairs = keypairs.map { Entry(keypair: $0) }
        self.pageInfo = PageInfo(nextMarker: nextMarker, currentCount: keypairs.count)
    }

    enum CodingKeys: String, CodingKey {
        case keypairs
        case pageInfo = "page_info"
    }
}
