import Foundation
import HTTPTypes

/// The ECS metadata service, whence an ECS with an agency gets temporary credentials:
/// `PUT /meta-data/latest/api/token` (header `X-Metadata-Token-Ttl-Seconds`) gives a session
/// token; `GET /openstack/latest/securitykey` with it (header `X-Metadata-Token`) gives
/// `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`; `GET
/// /openstack/latest/meta_data.json` gives the project and the region.
///
/// It is plain http to a link-local address, so it is reached only at 169.254.169.254 or on
/// loopback (tests), never through a proxy, and a machine that is not an ECS gives up in 2 s.
public struct ECSMetadataService: Sendable {
    public static let defaultURL = "http://169.254.169.254"
    /// Names another base URL (tests, the simulator); `off` skips the metadata service.
    public static let environmentVariable = "ECS_REINSTALL_METADATA_URL"
    /// Long enough for a metadata service on the same host; short enough for a laptop.
    public static let connectTimeout = Duration.seconds(2)
    /// The session token's lifetime asked for (6 hours, the SDKs' value).
    static let tokenSeconds = 21600

    public let baseURL: URL
    let transport: any HTTPTransport

    public init(baseURL: URL, transport: (any HTTPTransport)? = nil) {
        self.baseURL = baseURL
        self.transport = transport ?? HTTPClientTransport(
            timeouts: .init(connect: Self.connectTimeout, read: .seconds(5), write: .seconds(5)), proxies: .direct)
    }

    /// The service named by the environment (else the link-local default); nil when turned `off`.
    /// Throws for a URL that is not plain http to 169.254.169.254 or loopback.
    public static func configured(environment: [String: String]) throws -> ECSMetadataService? {
        let text = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
        if ["off", "none", "no"].contains(text.lowercased()) { return nil }
        // Addresses only (no name that DNS could send elsewhere), and no user or password.
        guard let url = URL(string: text), url.scheme?.lowercased() == "http", let host = url.host,
              url.user == nil, url.password == nil,
              host == "169.254.169.254" || (IPAddress.bytes(host) != nil && Loopback.isHost(host))
        else {
            throw CloudError.configuration(
                "\(environmentVariable) must be http://169.254.169.254 or an http:// URL on this machine "
                    + "(the metadata service is never reached elsewhere), or off; got \(Endpoints.redacted(text)).")
        }
        return ECSMetadataService(baseURL: url)
    }

    /// Why the service gave no credentials, in a few words for the list of places looked at.
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The agency's temporary credentials, with `projectId` (the ECS's: see `instance()`).
    public func credentials(projectId: String?) async throws(Unavailable) -> ExpiringCredentials {
        let token = try await sessionToken()
        let reply = try await get("/openstack/latest/securitykey", token: token)
        guard reply.status == 200 else {
            if reply.status == 404 {
                throw Unavailable(reason: "an ECS without credentials (HTTP 404): attach an agency to it in the console")
            }
            throw Unavailable(reason: "the security key was refused (HTTP \(reply.status))")
        }
        guard let wire = try? JSONDecoder().decode(SecurityKeyWire.self, from: reply.body),
              let expiresAt = Self.date(wire.credential.expiresAt)
        else { throw Unavailable(reason: "its security key could not be read") }
        let credentials = Credentials(
            accessKey: wire.credential.access, secretKey: Secret(wire.credential.secret),
            securityToken: Secret(wire.credential.securitytoken), projectId: projectId)
        return ExpiringCredentials(credentials: credentials, expiresAt: expiresAt)
    }

    /// What `meta_data.json` says of the ECS.
    public struct Instance: Sendable, Equatable {
        public var projectId: String?
        public var region: String?
    }

    /// The project and region of the ECS. The region is `region_id`, else the availability zone
    /// without its last letter (`cn-north-4a` → `cn-north-4`), as the SDKs derive it.
    public func instance() async throws(Unavailable) -> Instance {
        // With a session token too: a metadata service in its secure mode asks for one everywhere.
        let reply = try await get("/openstack/latest/meta_data.json", token: try await sessionToken())
        guard reply.status == 200,
              let object = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any]
        else { throw Unavailable(reason: "meta_data.json could not be read (HTTP \(reply.status))") }
        func text(_ key: String) -> String? { (object[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        var region = text("region_id")
        if region == nil, let zone = text("availability_zone"), zone.last?.isLetter == true {
            region = String(zone.dropLast())
        }
        return Instance(projectId: text("project_id"), region: region)
    }

    private func sessionToken() async throws(Unavailable) -> Secret {
        let reply = try await send("PUT", "/meta-data/latest/api/token",
                                   headers: ["X-Metadata-Token-Ttl-Seconds": String(Self.tokenSeconds)])
        let token = String(decoding: reply.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard reply.status == 200, !token.isEmpty else {
            throw Unavailable(reason: "no metadata token (HTTP \(reply.status))")
        }
        return Secret(token)
    }

    private func get(_ path: String, token: Secret?) async throws(Unavailable) -> HTTPReply {
        try await send("GET", path, headers: token.map { ["X-Metadata-Token": $0.reveal()] } ?? [:])
    }

    private func send(_ method: String, _ path: String, headers: [String: String]) async throws(Unavailable) -> HTTPReply {
        let text = RequestSigner.join(baseURL, path)
        guard let url = URL(string: text), let authority = RequestSigner.netloc(url), let verb = HTTPRequest.Method(method)
        else { throw Unavailable(reason: "the URL \(text) is not valid") }
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        var head = HTTPRequest(method: verb, scheme: url.scheme, authority: authority, path: nil, headerFields: fields)
        head.path = RequestSigner.requestTarget(url)
        do {
            return try await transport.send(SignedRequest(head: head))
        } catch let error as TransportError {
            switch error.kind {
            case .connectTimedOut, .timedOut:
                throw Unavailable(reason: "not an ECS (no answer in \(Self.connectTimeout.components.seconds) s)")
            case .connectionRefused:
                throw Unavailable(reason: "not an ECS (connection refused)")
            default:
                throw Unavailable(reason: "not an ECS (\(error.detail))")
            }
        } catch {
            throw Unavailable(reason: "not an ECS (\(error))")
        }
    }

    /// `expires_at` as the service writes it: ISO 8601 in UTC, with or without fractions of a
    /// second (it writes microseconds, which not every ISO 8601 parser takes): they are dropped,
    /// costing less than a second of a lifetime renewed minutes ahead.
    static func date(_ text: String) -> Date? {
        let whole = text.replacing(/\.[0-9]+/, with: "")
        return try? Date.ISO8601FormatStyle().parse(whole)
    }

    struct SecurityKeyWire: Decodable {
        struct Credential: Decodable {
            var access: String
            var secret: String
            var securitytoken: String
            var expiresAt: String

            enum CodingKeys: String, CodingKey {
                case access, secret, securitytoken
                case expiresAt = "expires_at"
            }
        }
        var credential: Credential
    }
}
