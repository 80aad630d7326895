import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Gateway authentication")
struct AuthenticationTests {
    let pid = SimulatorConfiguration().projectId

    private func expectGatewayRefusal(_ reply: SignedClient.Reply) throws {
        #expect(reply.status == 401)
        let body = try reply.json()
        #expect(body["error_code"] as? String == "APIGW.0301")
        let message = try #require(body["error_msg"] as? String)
        #expect(message.hasPrefix("Incorrect IAM authentication information"))
        #expect(body["request_id"] as? String == reply.requestId)
        #expect(reply.requestId?.isEmpty == false)
    }

    @Test func badSignatureIsRefusedWithTheCanonicalRequest() async throws {
        try await withSimulator { _, client in
            let reply = try await client.send(
                "GET", "/v1/\(pid)/cloudservers/detail", query: [("limit", "5")], secretKey: "not-the-secret")
            try expectGatewayRefusal(reply)
            let message = try #require(try reply.json()["error_msg"] as? String)
            #expect(message.contains("verify aksk signature fail"))
            #expect(message.contains("GET|/v1/\(pid)/cloudservers/detail/|limit=5|content-type:application/json|"))
            #expect(!message.contains("demo-secret-key"))
        }
    }

    @Test func tamperedHeaderOrQueryBreaksTheSignature() async throws {
        try await withSimulator { _, client in
            let changedProject = try await client.send("GET", "/v1/\(pid)/cloudservers/detail") {
                $0["X-Project-Id"] = "ffffffffffffffffffffffffffffffff"
            }
            try expectGatewayRefusal(changedProject)
            let changedBody = try await client.send(
                "POST", "/v2/\(pid)/cloudservers/\(Demo.web01)/reinstallos",
                body: Data(#"{"os-reinstall":{"keyname":"ops-ed25519"}}"#.utf8)
            ) { $0["Authorization"] = $0["Authorization"]?.replacingOccurrences(of: "Signature=", with: "Signature=0") }
            try expectGatewayRefusal(changedBody)
        }
    }

    @Test func wrongAccessKeyAndMissingAuthorization() async throws {
        try await withSimulator { _, client in
            try expectGatewayRefusal(try await client.send("GET", "/v3/projects", accessKey: "SOMEOTHERACCESSKEY01"))
            try expectGatewayRefusal(try await client.send("GET", "/v3/projects") { $0["Authorization"] = nil })
            try expectGatewayRefusal(try await client.send("GET", "/v3/projects") {
                $0["Authorization"] = "Bearer something"
            })
        }
    }

    @Test func staleOrMissingSdkDateIsRefused() async throws {
        try await withSimulator { _, client in
            let stale = try await client.send("GET", "/v3/projects", date: Date().addingTimeInterval(-16 * 60))
            try expectGatewayRefusal(stale)
            let future = try await client.send("GET", "/v3/projects", date: Date().addingTimeInterval(16 * 60))
            try expectGatewayRefusal(future)
            let slightlyOff = try await client.send("GET", "/v3/projects", date: Date().addingTimeInterval(-14 * 60))
            #expect(slightlyOff.status == 200)
            let missing = try await client.send("GET", "/v3/projects") { $0["X-Sdk-Date"] = nil }
            try expectGatewayRefusal(missing)
        }
    }

    /// The V1 vector of huawei-ecs-api.md §2.2, verified by the gateway without HTTP.
    @Test func documentVectorVerifies() throws {
        let authenticator = GatewayAuthenticator(
            accessKey: "HPUABCDEFGHIJKLMNOPQ", secretKey: "TestSecretKey0123456789abcdefghijklmnopqrs")
        let now = try #require(Signer.parseSdkDate("20250101T080000Z"))
        let request = SimulatorRequest(
            method: "GET", rawPath: "/v1/0123456789abcdef0123456789abcdef/cloudservers/detail",
            rawQuery: "limit=100&name=web%20server&offset=1&status=SHUTOFF",
            headers: [
                "Content-Type": "application/json", "Host": "ecs.cn-north-4.myhuaweicloud.com",
                "X-Project-Id": "0123456789abcdef0123456789abcdef", "X-Sdk-Date": "20250101T080000Z",
                "Authorization": "SDK-HMAC-SHA256 Access=HPUABCDEFGHIJKLMNOPQ, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=2719c7d205137ac12a6d2b4ca34a1d09c7714caf339592a6df3428450c055bd9",
            ],
            body: Data())
        try authenticator.authenticate(request, now: now)

        let forged = SimulatorRequest(
            method: request.method, rawPath: request.rawPath,
            rawQuery: "limit=100&name=web%20server&offset=2&status=SHUTOFF", headers: request.headers, body: request.body)
        #expect(throws: APIFailure.self) { try authenticator.authenticate(forged, now: now) }
    }

    @Test func constantTimeComparison() {
        #expect(GatewayAuthenticator.constantTimeEqual("abc", "abc"))
        #expect(!GatewayAuthenticator.constantTimeEqual("abc", "abd"))
        #expect(!GatewayAuthenticator.constantTimeEqual("abc", "abcd"))
        #expect(!GatewayAuthenticator.constantTimeEqual("", "a"))
    }
}
