import Foundation
import HuaweiCloud

/// The ECS metadata service (`SimulatorConfiguration.temporaryCredentialLifetime`), on the
/// simulator's own port, unauthenticated like the real one at 169.254.169.254:
/// `PUT /meta-data/latest/api/token`, `GET /openstack/latest/securitykey` (with the session token),
/// `GET /openstack/latest/meta_data.json`.
extension SimulatorCore {
    static let metadataPaths: Set<String> = [
        "/meta-data/latest/api/token", "/openstack/latest/securitykey", "/openstack/latest/meta_data.json",
    ]

    /// The metadata service's reply, or nil when the request is not for it (or it is off).
    mutating func metadataReply(_ request: SimulatorRequest, now: Date, requestId: String) -> SimulatorResponse? {
        guard temporaryCredentials != nil, Self.metadataPaths.contains(request.rawPath) else { return nil }
        switch (request.method, request.rawPath) {
        case ("PUT", "/meta-data/latest/api/token"):
            guard let text = request.headers["x-metadata-token-ttl-seconds"], let seconds = Int(text),
                  (1...21600).contains(seconds)
            else {
                return Self.metadataFailure(400, "X-Metadata-Token-Ttl-Seconds must be 1 to 21600", requestId)
            }
            let token = temporaryCredentials?.openSession(seconds: seconds, now: now) ?? ""
            var reply = SimulatorResponse(status: 200, body: Data(token.utf8), requestId: requestId)
            reply.headers["Content-Type"] = "text/plain"
            return reply
        case ("GET", "/openstack/latest/securitykey"):
            guard temporaryCredentials?.isValidSession(request.headers["x-metadata-token"], now: now) == true else {
                return Self.metadataFailure(401, "X-Metadata-Token is missing, unknown or expired", requestId)
            }
            guard let (accessKey, key) = temporaryCredentials?.current(now: now) else { return nil }
            let body: [String: Any] = ["credential": [
                "access": accessKey, "secret": key.secretKey.reveal(), "securitytoken": key.securityToken,
                "expires_at": Timestamp.milliseconds(key.expiresAt).replacingOccurrences(of: "Z", with: "000Z"),
            ]]
            return SimulatorResponse(status: 200, body: Self.json(body), requestId: requestId)
        case ("GET", "/openstack/latest/meta_data.json"):
            let body: [String: Any] = [
                "uuid": "5a0f3b7c-0000-4000-8000-0000000000ec", "name": "jump-host", "hostname": "jump-host",
                "availability_zone": configuration.region + "a", "region_id": configuration.region,
                "project_id": configuration.projectId, "meta": ["agency_name": "ecs-reinstall-agency"],
            ]
            return SimulatorResponse(status: 200, body: Self.json(body), requestId: requestId)
        default:
            return Self.metadataFailure(405, "Method \(request.method) is not allowed here", requestId)
        }
    }

    private static func metadataFailure(_ status: Int, _ message: String, _ requestId: String) -> SimulatorResponse {
        SimulatorResponse(status: status, body: json(["error": message]), requestId: requestId)
    }

    private static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
