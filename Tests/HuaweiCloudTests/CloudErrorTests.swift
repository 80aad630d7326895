import Foundation
import Testing

@testable import HuaweiCloud

struct CloudErrorTests {
    @Test(arguments: [
        (#"{"error":{"code":"Ecs.0011","message":"bad password"}}"#, "Ecs.0011", "bad password"),
        (#"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail","request_id":"r1"}"#, "APIGW.0301", "verify aksk signature fail"),
        (#"{"itemNotFound":{"code":404,"message":"not here"}}"#, "404", "not here"),
        (#"{"error_code":"IMG.0001","error_msg":"no image"}"#, "IMG.0001", "no image"),
    ])
    func errorShapesAreDecoded(body: String, code: String, message: String) {
        let error = CloudError.decode(status: 400, body: Data(body.utf8), requestId: "req-9")
        #expect(error.code == code)
        #expect(error.message.contains(message))
        #expect(error.message.contains("req-9"))
    }

    @Test func unknownBodiesKeepTheStatusAndText() {
        let error = CloudError.decode(status: 502, body: Data("Bad Gateway".utf8), requestId: nil)
        #expect(error.code == "HTTP 502")
        #expect(error.message.contains("Bad Gateway"))
    }

    @Test func codesCarryAHint() {
        let error = CloudError.api(status: 400, code: "Ecs.0605", message: "locked", requestId: nil)
        #expect(error.message.contains("Unlock"))
    }

    @Test func throttlingOnHTTP202IsAnError() {
        let response = HTTPReply(status: 202, headers: [:],
                                    body: Data(#"{"error":{"code":"Common.0024","message":"exceeds flow over limit"}}"#.utf8))
        let error = CloudClient.error(in: response)
        #expect(error?.code == "Common.0024")
        #expect(error.map(RetryPolicy.isRetryable) == true)
        #expect(CloudClient.error(in: HTTPReply(status: 202, headers: [:], body: Data(#"{"job_id":"x"}"#.utf8))) == nil)
    }

    @Test func retryDelaysGrowAndHonourRetryAfter() {
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(8))
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, random: 1) == .milliseconds(500))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, random: 1) == .seconds(2))
        #expect(policy.delay(afterAttempt: 9, retryAfter: nil, random: 1) == .seconds(8))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(5), random: 1) == .seconds(5))
        #expect(RetryPolicy.isRetryable(.api(status: 400, code: "Ecs.0005", message: "", requestId: nil)) == false)
        #expect(RetryPolicy.isRetryable(.api(status: 429, code: "APIGW.0308", message: "", requestId: nil)))
    }
}
