import Foundation
import HuaweiCloud

/// The API gateway's AK/SK check (huawei-ecs-api.md §2): every request must carry a valid
/// SDK-HMAC-SHA256 signature by the configured key, dated within 15 minutes of the gateway clock.
/// Temporary keys (the metadata service's) are accepted only with their own `X-Security-Token`,
/// and only until they expire.
struct GatewayAuthenticator: Sendable {
    var accessKey: String
    var secretKey: Secret
    var maximumSkew: TimeInterval = 15 * 60

    static let prefix = "Incorrect IAM authentication information"

    func authenticate(
        _ request: SimulatorRequest, now: Date, temporary: [String: TemporaryCredentialStore.Key] = [:]
    ) throws(APIFailure) {
        guard let value = request.headers["authorization"], let header = AuthorizationHeader(value) else {
            throw Self.failure("Authorization header is missing or not SDK-HMAC-SHA256")
        }
        let secretKey: Secret
        if header.accessKey == accessKey {
            secretKey = self.secretKey
        } else if let key = temporary[header.accessKey] {
            guard let token = request.headers["x-security-token"],
                  header.signedHeaders.contains(where: { $0.lowercased() == "x-security-token" }),
                  Self.constantTimeEqual(token, key.securityToken)
            else {
                throw Self.failure("the security token of temporary ak:\(header.accessKey) is missing, unsigned or wrong")
            }
            guard now < key.expiresAt else { throw Self.expired }
            secretKey = key.secretKey
        } else {
            throw Self.failure("get secretKey failed, ak:\(header.accessKey)")
        }
        guard let dateText = request.headers["x-sdk-date"] else {
            throw Self.failure("x-sdk-date header is missing")
        }
        guard let date = Signer.parseSdkDate(dateText.trimmingCharacters(in: .whitespaces)) else {
            throw Self.failure("x-sdk-date \(dateText) is not in the format yyyyMMddTHHmmssZ")
        }
        guard abs(date.timeIntervalSince(now)) <= maximumSkew else {
            throw Self.failure(
                "verify aksk signature fail, x-sdk-date \(dateText) is more than 15 minutes from the server time \(Signer.sdkDate(now))")
        }
        let signedHeaders = header.signedHeaders.map { $0.lowercased() }
        let canonical = Signer.canonicalRequest(
            method: request.method, path: request.rawPath, query: request.queryPairs,
            headers: request.headers, signedHeaders: signedHeaders, body: request.body)
        let expected = Signer.signature(
            stringToSign: Signer.stringToSign(canonicalRequest: canonical, date: dateText), secretKey: secretKey)
        guard Self.constantTimeEqual(expected, header.signature.lowercased()) else {
            let shown = canonical.replacingOccurrences(of: "\n", with: "|")
            throw Self.failure("verify aksk signature fail, SignedHeaders:\(signedHeaders.joined(separator: ";")), canonicalRequest:\(shown)")
        }
    }

    /// Temporary credentials past `expires_at`. APIG documents APIGW.0307 ("The token must be
    /// updated", HTTP 401) for an expired token; that the gateway answers an expired security
    /// token with it is our inference, not verified against the cloud.
    static let expired = APIFailure.gateway(401, "APIGW.0307", "The token must be updated: the security token has expired")

    static func failure(_ detail: String) -> APIFailure {
        .gateway(401, "APIGW.0301", "\(prefix): \(detail)")
    }

    /// Compares every byte whatever the first difference, so timing does not reveal the prefix that matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? x[i] : 0
            let q = i < y.count ? y[i] : 0
            difference |= p ^ q
        }
        return difference == 0
    }
}
