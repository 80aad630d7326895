import Foundation
import Testing

@testable import HuaweiCloud

/// Properties of SDK-HMAC-SHA256 that must hold for every request, not just the three vectors.
struct SignerPropertyTableTests {
    static let credentials = Credentials(accessKey: "HPUABCDEFGHIJKLMNOPQ", secretKey: "TestSecretKey0123456789abcdefghijklmnopqrs",
                                         projectId: "0123456789abcdef0123456789abcdef")
    static let date = Signer.parseSdkDate("20250101T080000Z") ?? .distantPast
    static let base = URL(string: "https://ecs.cn-north-4.myhuaweicloud.com")

    private func sign(_ query: [(String, String)], method: String = "GET", body: Data = Data()) throws -> SignedRequest {
        try RequestSigner(credentials: Self.credentials).signedRequest(
            method: method, baseURL: try #require(Self.base), path: "/v1/p/cloudservers/detail", query: query,
            body: body, projectId: "p", date: Self.date)
    }

    /// A small deterministic generator, so a failing permutation can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<20)
    func parameterOrderDoesNotChangeTheURLOrTheSignature(seed: Int) throws {
        let pairs = [("offset", "2"), ("limit", "100"), ("name", "web server"), ("status", "SHUTOFF"),
                     ("tags", "b=2"), ("tags", "a=1"), ("name", "数据库"), ("not-tags", "__type_baremetal")]
        var generator = SplitMix(state: UInt64(seed))
        let reference = try sign(pairs)
        let shuffled = try sign(pairs.shuffled(using: &generator))
        #expect(shuffled.sentURL == reference.sentURL)
        #expect(shuffled.headers["Authorization"] == reference.headers["Authorization"])
    }

    @Test(arguments: [
        ("web server", "web%20server"),
        ("数据库-主节点", "%E6%95%B0%E6%8D%AE%E5%BA%93-%E4%B8%BB%E8%8A%82%E7%82%B9"),
        ("a+b", "a%2Bb"),
        ("a&b=c", "a%26b%3Dc"),
        ("100%", "100%25"),
        ("/path?x#frag", "%2Fpath%3Fx%23frag"),
        ("~-_.", "~-_."),
        ("!*'();:@$,[]", "%21%2A%27%28%29%3B%3A%40%24%2C%5B%5D"),
        ("é😀", "%C3%A9%F0%9F%98%80"),
        ("", ""),
    ])
    func queryValuesAreEncodedOnceAndTheSentQueryIsTheSignedOne(raw: String, encoded: String) throws {
        let request = try sign([("name", raw)])
        #expect(request.sentURL.query(percentEncoded: true) == "name=\(encoded)")
        #expect(Signer.canonicalQuery([("name", raw)]) == "name=\(encoded)")
        // Whatever URL(string:) does, the query that goes out is byte for byte the canonical one.
        #expect(request.sentURL.absoluteString.hasSuffix("?name=\(encoded)"))
    }

    @Test func reservedCharactersInKeysAreEncodedToo() {
        #expect(Signer.canonicalQuery([("a b", "1"), ("名", "2")]) == "a%20b=1&%E5%90%8D=2")
    }

    @Test(arguments: [
        ([("k", "v2"), ("k", "v1"), ("k", "v10")], "k=v1&k=v10&k=v2"),
        ([("b", "1"), ("a", "2"), ("a", "1")], "a=1&a=2&b=1"),
        ([("flag", "true"), ("flag", "false")], "flag=false&flag=true"),
    ])
    func listValuesAreRepeatedPairsSortedByValue(pairs: [(String, String)], canonical: String) {
        #expect(Signer.canonicalQuery(pairs) == canonical)
    }

    @Test(arguments: ["GET", "POST", "DELETE"])
    func anEmptyBodyHashesToTheEmptyHash(method: String) throws {
        let headers = ["Host": "h", "X-Sdk-Date": "20250101T080000Z"]
        let canonical = Signer.canonicalRequest(method: method, path: "/v1/x", query: [], headers: headers,
                                                signedHeaders: Signer.signedHeaderNames(headers), body: Data())
        #expect(canonical.hasSuffix("\n" + Signer.emptyBodyHash))
        #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[2] == "")
        #expect(try sign([], method: method).sentURL.query == nil)
    }

    @Test func everySignedPartChangesTheSignature() throws {
        let reference = try sign([("limit", "100")])
        let variants = [
            try sign([("limit", "101")]),
            try sign([("limit", "100")], method: "POST"),
            try sign([("limit", "100")], body: Data("{}".utf8)),
        ]
        for variant in variants {
            #expect(variant.headers["Authorization"] != reference.headers["Authorization"])
        }
    }

    @Test func theSecurityTokenAndProjectAreSignedAndHeadersWithUnderscoresAreNot() throws {
        let credentials = Credentials(accessKey: "AK", secretKey: "SK", securityToken: "tok")
        let request = try RequestSigner(credentials: credentials).signedRequest(
            method: "GET", baseURL: try #require(Self.base), path: "/v3/projects", projectId: "p", date: Self.date)
        let header = try #require(request.headers["Authorization"].flatMap(AuthorizationHeader.init))
        #expect(header.signedHeaders == ["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"])
        #expect(Signer.signedHeaderNames(["X_Forwarded": "1", "Host": "h"]) == ["host"])
    }

    @Test(arguments: [
        ("https://ecs.r.myhuaweicloud.com", "ecs.r.myhuaweicloud.com"),
        ("https://ecs.r.myhuaweicloud.com:443", "ecs.r.myhuaweicloud.com"),
        ("http://127.0.0.1:8080", "127.0.0.1:8080"),
        ("http://127.0.0.1:80", "127.0.0.1"),
        ("http://[::1]:9000", "[::1]:9000"),
    ])
    func theHostHeaderDropsOnlyTheDefaultPort(base: String, host: String) throws {
        let request = try RequestSigner(credentials: Self.credentials).signedRequest(
            method: "GET", baseURL: try #require(URL(string: base)), path: "/v1/x", projectId: nil, date: Self.date)
        #expect(request.headers["Host"] == host)
    }
}
