import Crypto
import Foundation

/// The SDK-HMAC-SHA256 algorithm of the official Huawei Cloud SDKs (huawei-ecs-api.md §2).
/// Used by the client to sign and by the simulator to verify, so both sides share one definition.
public enum Signer {
    public static let algorithm = "SDK-HMAC-SHA256"
    public static let emptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The query string to sign and to send: pairs sorted by key then value, each percent-encoded.
    public static func canonicalQuery(_ pairs: [(String, String)]) -> String {
        pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
            .joined(separator: "&")
    }

    /// The path, decoded and re-encoded segment by segment, always ending in `/` (which is never sent).
    public static func canonicalURI(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoding.encode(PercentEncoding.decode(String($0))) }
        let joined = segments.joined(separator: "/")
        return joined.hasSuffix("/") ? joined : joined + "/"
    }

    /// Names of the headers that are signed: every header whose name has no `_`, lowercased, sorted.
    public static func signedHeaderNames(_ headers: [String: String]) -> [String] {
        headers.keys.map { $0.lowercased() }.filter { !$0.contains("_") }.sorted()
    }

    public static func canonicalRequest(
        method: String, path: String, query: [(String, String)],
        headers: [String: String], signedHeaders: [String], body: Data
    ) -> String {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        let canonicalHeaders = signedHeaders
            .map { "\($0):\((lowered[$0] ?? "").trimmingCharacters(in: .whitespaces))\n" }
            .joined()
        return [
            method.uppercased(),
            canonicalURI(path),
            canonicalQuery(query),
            canonicalHeaders,
            signedHeaders.joined(separator: ";"),
            hexSHA256(body),
        ].joined(separator: "\n")
    }

    public static func stringToSign(canonicalRequest: String, date: String) -> String {
        "\(algorithm)\n\(date)\n\(hexSHA256(Data(canonicalRequest.utf8)))"
    }

    public static func signature(stringToSign: String, secretKey: Secret) -> String {
        secretKey.withBytes { key in
            let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: SymmetricKey(data: key))
            return hex(Data(mac))
        }
    }

    /// Signs a request whose headers already hold `X-Sdk-Date`, `Host` and, when known,
    /// `X-Project-Id` / `X-Security-Token`; returns the `Authorization` header value.
    public static func authorization(
        method: String, path: String, query: [(String, String)],
        headers: [String: String], body: Data, accessKey: String, secretKey: Secret
    ) -> String {
        let signed = signedHeaderNames(headers)
        let date = headers.first { $0.key.lowercased() == "x-sdk-date" }?.value ?? ""
        let canonical = canonicalRequest(
            method: method, path: path, query: query, headers: headers, signedHeaders: signed, body: body)
        let sig = signature(stringToSign: stringToSign(canonicalRequest: canonical, date: date), secretKey: secretKey)
        return "\(algorithm) Access=\(accessKey), SignedHeaders=\(signed.joined(separator: ";")), Signature=\(sig)"
    }

    /// `X-Sdk-Date` format: `20250101T080000Z`, UTC. One format style, made once: the simulator
    /// parses a date on every request.
    private static let sdkDateStyle = Date.ISO8601FormatStyle(
        dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt)

    public static func sdkDate(_ date: Date) -> String {
        sdkDateStyle.format(date)
    }

    public static func parseSdkDate(_ text: String) -> Date? {
        try? sdkDateStyle.parse(text)
    }

    public static func hexSHA256(_ data: Data) -> String {
        hex(Data(SHA256.hash(data: data)))
    }

    private static func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }
}

/// A parsed `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header.
public struct AuthorizationHeader: Equatable, Sendable {
    public var accessKey: String
    public var signedHeaders: [String]
    public var signature: String

    public init?(_ value: String) {
        guard value.hasPrefix(Signer.algorithm + " ") else { return nil }
        var fields: [String: String] = [:]
        for part in value.dropFirst(Signer.algorithm.count + 1).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let ak = fields["Access"], let names = fields["SignedHeaders"], let sig = fields["Signature"] else {
            return nil
        }
        accessKey = ak
        signedHeaders = names.split(separator: ";").map(String.init)
        signature = sig
    }
}
