import Foundation
import Testing

@testable import HuaweiCloud

/// The three vectors of huawei-ecs-api.md §2.2, produced by the official SDK's signer.
struct SignerVectorTests {
    static let ak = "HPUABCDEFGHIJKLMNOPQ"
    static let sk: Secret = "TestSecretKey0123456789abcdefghijklmnopqrs"
    static let project = "0123456789abcdef0123456789abcdef"
    static let date = Signer.parseSdkDate("20250101T080000Z") ?? Date.distantPast

    @Test func v1ListServersCanonicalRequestAndSignature() throws {
        let credentials = Credentials(accessKey: Self.ak, secretKey: Self.sk, projectId: Self.project)
        let request = try RequestSigner(credentials: credentials).signedRequest(
            method: "GET", baseURL: try #require(URL(string: "https://ecs.cn-north-4.myhuaweicloud.com")),
            path: "/v1/\(Self.project)/cloudservers/detail",
            query: [("offset", "1"), ("limit", "100"), ("name", "web server"), ("status", "SHUTOFF")],
            projectId: Self.project, date: Self.date)

        #expect(request.sentURL.absoluteString == "https://ecs.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/cloudservers/detail?limit=100&name=web%20server&offset=1&status=SHUTOFF")

        let canonical = Signer.canonicalRequest(
            method: "GET", path: request.sentURL.path,
            query: [("offset", "1"), ("limit", "100"), ("name", "web server"), ("status", "SHUTOFF")],
            headers: request.headers.all.filter { $0.key != "Authorization" },
            signedHeaders: ["content-type", "host", "x-project-id", "x-sdk-date"], body: Data())
        #expect(canonical == """
            GET
            /v1/0123456789abcdef0123456789abcdef/cloudservers/detail/
            limit=100&name=web%20server&offset=1&status=SHUTOFF
            content-type:application/json
            host:ecs.cn-north-4.myhuaweicloud.com
            x-project-id:0123456789abcdef0123456789abcdef
            x-sdk-date:20250101T080000Z

            content-type;host;x-project-id;x-sdk-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(Signer.hexSHA256(Data(canonical.utf8)) == "a2486941b7f389d697e590f5f1290d0f4426606cdf4ea1004cdc9f11bd062c89")
        #expect(request.headers["Authorization"] == "SDK-HMAC-SHA256 Access=HPUABCDEFGHIJKLMNOPQ, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=2719c7d205137ac12a6d2b4ca34a1d09c7714caf339592a6df3428450c055bd9")
    }

    @Test func v2ReinstallPostSignature() throws {
        let body = Data(#"{"os-reinstall": {"adminpass": "Test@Pass1234", "mode": "withStopServer"}}"#.utf8)
        #expect(Signer.hexSHA256(body) == "d400d7c4dbd082471f75b8c2682c3cb4659aa8dc0bec044b7572f5403fc12082")
        let path = "/v2/\(Self.project)/cloudservers/a1b2c3d4-0000-4000-8000-000000000001/reinstallos"
        let headers = [
            "Content-Type": "application/json;charset=UTF-8",
            "Host": "ecs.cn-north-4.myhuaweicloud.com",
            "X-Project-Id": Self.project,
            "X-Sdk-Date": "20250101T080000Z",
        ]
        let canonical = Signer.canonicalRequest(
            method: "POST", path: path, query: [], headers: headers,
            signedHeaders: Signer.signedHeaderNames(headers), body: body)
        #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[1] == "\(path)/")
        #expect(Signer.hexSHA256(Data(canonical.utf8)) == "6d7181f43277b68442cb0f73162cbddb7f3bcd8b9a74ed29d78706fe45c670db")
        #expect(Signer.authorization(method: "POST", path: path, query: [], headers: headers, body: body,
                                     accessKey: Self.ak, secretKey: Self.sk)
            == "SDK-HMAC-SHA256 Access=HPUABCDEFGHIJKLMNOPQ, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=aea8d01605d3aaf26b3d9b8217248ac3a51f75459158f651dc4090efd674dd67")
    }

    @Test func v3TemporaryCredentialsWithoutProject() throws {
        let credentials = Credentials(accessKey: Self.ak, secretKey: Self.sk,
                                      securityToken: "gQpjbi1ub3J0aC00TOKEN-EXAMPLE")
        let request = try RequestSigner(credentials: credentials).signedRequest(
            method: "GET", baseURL: try #require(URL(string: "https://iam.ap-southeast-1.myhuaweicloud.com")),
            path: "/v3/projects", query: [("name", "ap-southeast-1")], projectId: nil, date: Self.date)
        #expect(request.sentURL.absoluteString == "https://iam.ap-southeast-1.myhuaweicloud.com/v3/projects?name=ap-southeast-1")
        #expect(request.headers["X-Project-Id"] == nil)
        let canonical = Signer.canonicalRequest(
            method: "GET", path: "/v3/projects", query: [("name", "ap-southeast-1")],
            headers: request.headers.all.filter { $0.key != "Authorization" },
            signedHeaders: ["content-type", "host", "x-sdk-date", "x-security-token"], body: Data())
        #expect(Signer.hexSHA256(Data(canonical.utf8)) == "c8bec660d7783903e0ad221cecf314b9f5cfcefe29ed8a228ec05d3d353f5af6")
        #expect(request.headers["Authorization"] == "SDK-HMAC-SHA256 Access=HPUABCDEFGHIJKLMNOPQ, SignedHeaders=content-type;host;x-sdk-date;x-security-token, Signature=1f2b659e37062bb8e80e06484372e87364389f65115e998a0a865e8977fd3e5a")
    }
}

struct SignerPropertyTests {
    @Test func queryOrderDoesNotChangeTheCanonicalQuery() {
        let pairs = [("b", "2"), ("a", "z"), ("a", "1"), ("name", "中文 名")]
        #expect(Signer.canonicalQuery(pairs) == Signer.canonicalQuery(pairs.reversed()))
        #expect(Signer.canonicalQuery(pairs) == "a=1&a=z&b=2&name=%E4%B8%AD%E6%96%87%20%E5%90%8D")
    }

    @Test(arguments: [
        ("a b", "a%20b"), ("a+b", "a%2Bb"), ("~-_.", "~-_."), ("/?&=", "%2F%3F%26%3D"), ("é", "%C3%A9"),
    ])
    func reservedCharactersArePercentEncoded(raw: String, encoded: String) {
        #expect(PercentEncoding.encode(raw) == encoded)
        #expect(PercentEncoding.decode(encoded) == raw)
    }

    @Test func canonicalURIAlwaysEndsWithASlashAndEncodesSegments() {
        #expect(Signer.canonicalURI("/v1/p/jobs/x") == "/v1/p/jobs/x/")
        #expect(Signer.canonicalURI("/v1/p/") == "/v1/p/")
        #expect(Signer.canonicalURI("/v1/a%20b") == "/v1/a%20b/")
    }

    @Test func headersWithUnderscoresAreNotSigned() {
        #expect(Signer.signedHeaderNames(["X_Custom": "1", "Host": "h", "X-Sdk-Date": "d"]) == ["host", "x-sdk-date"])
    }

    @Test func authorizationHeaderRoundTrips() throws {
        let parsed = try #require(AuthorizationHeader(
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc"))
        #expect(parsed.accessKey == "AK")
        #expect(parsed.signedHeaders == ["host", "x-sdk-date"])
        #expect(parsed.signature == "abc")
        #expect(AuthorizationHeader("Basic xyz") == nil)
    }

    @Test func secretsNeverPrintThemselves() {
        let secret: Secret = "Sup3r$ecret"
        #expect("\(secret)" == "••••")
        #expect(String(reflecting: secret) == "••••")
        #expect(!String(describing: Credentials(accessKey: "AK", secretKey: secret)).contains("Sup3r"))
    }
}
