import Foundation
import Testing

@testable import HuaweiCloud

/// Every message says what happened, what to do, the code and the request id; no message holds a secret.
struct ErrorMessageTests {
    static let codes = [
        "Ecs.0005", "Ecs.0011", "Ecs.0100", "Ecs.0105", "Ecs.0101", "Ecs.0314", "Ecs.0031", "Ecs.0032", "Ecs.0304",
        "Ecs.0007", "Ecs.0090", "Ecs.0510", "Ecs.0120", "Ecs.0605", "Ecs.0114", "Ecs.0614", "Ecs.0001", "Ecs.0021",
        "Ecs.0003", "Ecs.0066", "Ecs.0067", "Ecs.0068", "Ecs.0069", "Ecs.0070", "Ecs.0071", "Ecs.0023", "Common.0018",
        "Ecs.1002", "Ecs.0603", "Common.0011", "Common.0021", "Common.0025", "APIGW.0301", "Common.0013", "Pdp.0001",
        "Ecs.0110", "APIGW.0308", "Common.0024", "Common.1503", "Common.0001", "Ecs.0615",
    ]

    @Test(arguments: codes)
    func everyCodeOfTheTableHasAHint(code: String) {
        #expect(CloudError.hint(forCode: code) != nil)
        let message = CloudError.api(status: 400, code: code, message: "refused", requestId: "req-42").message
        #expect(message.contains(code))
        #expect(message.contains("req-42"))
    }

    @Test(arguments: [401, 403, 404, 409, 429, 500, 502])
    func unknownCodesStillSayWhatToDo(status: Int) {
        let message = CloudError.api(status: status, code: "X.9999", message: "odd", requestId: nil).message
        #expect(message.contains("X.9999"))
        #expect(message.hasSuffix(". " + CloudError.hint(forStatus: status)), "the fact, then the advice: \(message)")
    }

    @Test(arguments: [
        (#"{"error":{"code":"Ecs.0011","message":"bad password"}}"#, "Ecs.0011", "bad password"),
        (#"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail","request_id":"r1"}"#, "APIGW.0301", "verify aksk"),
        (#"{"itemNotFound":{"code":404,"message":"not here"}}"#, "404", "not here"),
        (#"{"badRequest":{"code":400,"message":"Invalid input"}}"#, "400", "Invalid input"),
        (#"{"errorCode":"IAM.0001","errorMsg":"bad token"}"#, "IAM.0001", "bad token"),
        (#"{"error":{"code":401,"message":"requires authentication","title":"Unauthorized"}}"#, "401", "requires authentication"),
        (#"{"error":{"code":"Ecs.0000","message":"x","details":[{"code":"Ecs.1111","message":"y"}]}}"#, "Ecs.0000", "x"),
    ])
    func everyDocumentedErrorShapeIsDecoded(body: String, code: String, message: String) {
        let error = CloudError.decode(status: 400, body: Data(body.utf8), requestId: "req-9")
        #expect(error.code == code)
        #expect(error.message.contains(message))
        #expect(error.requestId == "req-9")
    }

    /// Every way an error can be built from what the cloud or the network says, fed with the
    /// secret key, the token and the password.
    static let leakyAnswers: [ScriptedTransport.Step] = [
        .json(401, #"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail, canonicalRequest: GET|/v1/|x-security-token:\#(Fixture.token)|sk=\#(Fixture.secretKey)"}"#),
        .json(400, #"{"error":{"code":"Ecs.0005","message":"body {\"adminpass\":\"\#(Fixture.password)\"}"}}"#),
        .json(500, "plain text with \(Fixture.secretKey) and \(Fixture.token)"),
        .respond(HTTPReply(status: 200, headers: ["X-Request-Id": Fixture.token], body: Data("{".utf8))),
        .fail(TransportError(.other, "proxy said \(Fixture.token)")),
        .fail(CloudError.transport("custom transport leaked \(Fixture.secretKey)")),
        .fail(URLError(.badServerResponse)),
    ]

    @Test(arguments: leakyAnswers)
    func noErrorMessageContainsASecret(answer: ScriptedTransport.Step) async {
        // Only the reinstall calls hold the password; every call holds the secret key and the token.
        let secrets = [Fixture.secretKey, Fixture.token, Fixture.password]
        var texts: [String] = []
        let calls: [@Sendable (CloudClient) async throws -> Void] = [
            { _ = try await $0.reinstall(serverId: "s", api: .v1, request: ReinstallRequest(adminPass: Secret(Fixture.password))) },
        ]
        let reads: [@Sendable (CloudClient) async throws -> Void] = [
            { _ = try await $0.job(id: "j") },
            { _ = try await $0.listServers(page: 1) },
            { _ = try await $0.stopServer(id: "s") },
            { _ = try await $0.userId() },
        ]
        var readTexts: [String] = []
        for call in reads {
            do {
                try await call(Fixture.client(ScriptedTransport([answer]), retry: .none, token: true))
            } catch {
                readTexts += [String(describing: error), String(reflecting: error), (error as? CloudError)?.message ?? ""]
            }
        }
        #expect(readTexts.count == 12)
        for text in readTexts {
            #expect(!text.contains(Fixture.secretKey), "leaked in: \(text)")
            #expect(!text.contains(Fixture.token), "leaked in: \(text)")
        }
        for call in calls {
            let client = Fixture.client(ScriptedTransport([answer]), retry: .none, token: true)
            do {
                try await call(client)
            } catch {
                texts += [String(describing: error), String(reflecting: error), "\(error)", (error as? CloudError)?.message ?? ""]
            }
        }
        let safely = await Fixture.client(ScriptedTransport([.server(status: "SHUTOFF"), answer, .server(status: "SHUTOFF")]),
                                          retry: .none, token: true)
            .reinstallSafely(serverId: "s", api: .v1, request: ReinstallRequest(adminPass: Secret(Fixture.password)))
        texts += [safely.message, String(describing: safely), String(reflecting: safely)]
        #expect(texts.count > 4)
        for text in texts {
            for secret in secrets {
                #expect(!text.contains(secret), "leaked in: \(text)")
            }
        }
    }

    @Test func credentialsAndRequestsNeverPrintTheirSecrets() {
        let credentials = Credentials(accessKey: "AK", secretKey: Secret(Fixture.secretKey), securityToken: Secret(Fixture.token))
        let request = ReinstallRequest(adminPass: Secret(Fixture.password))
        for text in [String(describing: credentials), String(reflecting: credentials), "\(request)", String(reflecting: request)] {
            #expect(!text.contains(Fixture.secretKey))
            #expect(!text.contains(Fixture.token))
            #expect(!text.contains(Fixture.password))
        }
    }

    @Test func theGuardMessageAndConfigurationErrorsHoldNoSecret() async {
        let refused = ScriptedTransport.Step.json(401, #"{"error_code":"APIGW.0301","error_msg":"bad"}"#)
        let client = Fixture.client(ScriptedTransport([refused, refused, refused]), retry: .none, token: true)
        for _ in 0..<3 { _ = try? await client.job(id: "j") }
        let error = await #expect(throws: CloudError.self) { try await client.job(id: "j") }
        #expect(error != nil)
        #expect(!"\(String(describing: error))".contains(Fixture.secretKey))
        #expect(!"\(String(describing: error))".contains(Fixture.token))
    }
}
