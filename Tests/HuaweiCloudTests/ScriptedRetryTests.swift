import Foundation
import Testing

@testable import HuaweiCloud

/// Every retry rule, driven by a scripted transport and virtual time (no real waiting).
struct ScriptedRetryTests {
    static let job = #"{"job_id":"j1","status":"RUNNING"}"#
    static let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(8),
                                    totalBudget: .seconds(60))

    @Test(arguments: [
        ("timeout", ScriptedTransport.Step.timeout),
        ("connection lost", .lost),
        ("connection refused", .refused),
        ("500", .json(500, #"{"error":{"code":"Common.0001","message":"system error"}}"#)),
        ("502 HTML", .respond(HTTPReply(status: 502, headers: [:], body: Data("<html><title>502 Bad Gateway</title></html>".utf8)))),
        ("503 Common.1503", .json(503, #"{"error":{"code":"Common.1503","message":"busy"}}"#)),
        ("429 APIGW.0308", .json(429, #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}"#)),
        ("202 Common.0024", .json(202, #"{"error":{"code":"Common.0024","message":"exceeds flow over limit"}}"#)),
    ])
    func aReadIsRetriedAfter(_ name: String, failure: ScriptedTransport.Step) async throws {
        let transport = ScriptedTransport([failure, .json(200, Self.job)])
        let time = VirtualTime()
        let job = try await Fixture.client(transport, retry: Self.policy, time: time).job(id: "j1")
        #expect(job.jobId == "j1")
        #expect(transport.requests.count == 2)
        #expect(time.sleeps == [.milliseconds(500)])
        // Each attempt is signed anew.
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"] != nil })
    }

    @Test(arguments: [
        ("400 Ecs.0005", ScriptedTransport.Step.json(400, #"{"error":{"code":"Ecs.0005","message":"bad"}}"#)),
        ("401 APIGW.0301", .json(401, #"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"}"#)),
        ("403 Pdp.0001", .json(403, #"{"error":{"code":"Pdp.0001","message":"Policy doesn't allow"}}"#)),
        ("404 Ecs.0114", .json(404, #"{"error":{"code":"Ecs.0114","message":"not found"}}"#)),
        ("TLS", .fail(TransportError(.tls, "the TLS certificate could not be verified"))),
        ("truncated 200", .json(200, #"{"job_id":"#)),
    ])
    func aReadIsNotRetriedAfter(_ name: String, failure: ScriptedTransport.Step) async {
        let transport = ScriptedTransport([failure])
        let time = VirtualTime()
        await #expect(throws: CloudError.self) {
            _ = try await Fixture.client(transport, retry: Self.policy, time: time).job(id: "j1")
        }
        #expect(transport.requests.count == 1)
        #expect(time.sleeps.isEmpty)
    }

    @Test func waitsGrowExponentiallyAndStopAtMaxAttempts() async {
        let busy = ScriptedTransport.Step.json(503, #"{"error":{"code":"Common.1503","message":"busy"}}"#)
        let transport = ScriptedTransport([busy, busy, busy, busy])
        let time = VirtualTime()
        await #expect {
            _ = try await Fixture.client(transport, retry: Self.policy, time: time).job(id: "j1")
        } throws: { error in
            (error as? CloudError)?.code == "Common.1503"
        }
        #expect(transport.requests.count == 4)
        #expect(time.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test(arguments: [("3", Duration.seconds(3)), ("0.25", .milliseconds(500)), ("Wed, 01 Jan 2025 08:00:05 GMT", .seconds(5))])
    func retryAfterIsHonouredWhenLongerThanTheBackoff(header: String, expected: Duration) async throws {
        let throttled = ScriptedTransport.Step.json(
            429, #"{"error_code":"APIGW.0308","error_msg":"throttled"}"#, headers: ["Retry-After": header])
        let transport = ScriptedTransport([throttled, .json(200, Self.job)])
        let time = VirtualTime()
        _ = try await Fixture.client(transport, retry: Self.policy, time: time).job(id: "j1")
        #expect(time.sleeps == [expected])
    }

    @Test func aRetryAfterBeyondTheBudgetEndsTheCallAtOnce() async {
        let throttled = ScriptedTransport.Step.json(
            429, #"{"error_code":"APIGW.0308","error_msg":"throttled"}"#, headers: ["Retry-After": "30"])
        let transport = ScriptedTransport([throttled])
        let time = VirtualTime()
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(8), totalBudget: .seconds(10))
        await #expect(throws: CloudError.self) {
            _ = try await Fixture.client(transport, retry: policy, time: time).job(id: "j1")
        }
        #expect(transport.requests.count == 1)
        #expect(time.sleeps.isEmpty)
    }

    @Test func theTotalBudgetBoundsTheRetriesEvenWithAttemptsLeft() async {
        let timeout = ScriptedTransport.Step.timeout
        let transport = ScriptedTransport(Array(repeating: timeout, count: 10))
        let time = VirtualTime()
        // Waits of 2, 4, 8, 8… seconds; a 15 s budget allows 2 + 4 + 8 = 14 and not the next 8.
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(2), maxDelay: .seconds(8), totalBudget: .seconds(15))
        await #expect(throws: CloudError.self) {
            _ = try await Fixture.client(transport, retry: policy, time: time).job(id: "j1")
        }
        #expect(time.sleeps == [.seconds(2), .seconds(4), .seconds(8)])
        #expect(transport.requests.count == 4)
    }

    @Test func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 1_735_718_400)  // 2025-01-01T08:00:00Z
        #expect(RetryPolicy.retryAfter("7", now: now) == .seconds(7))
        #expect(RetryPolicy.retryAfter("Wed, 01 Jan 2025 08:00:10 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Wed, 01 Jan 2025 07:00:00 GMT", now: now) == .zero)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter("-1", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
    }

    @Test(arguments: [
        ScriptedTransport.Step.timeout,
        .json(503, #"{"error":{"code":"Common.1503","message":"busy"}}"#),
        .json(429, #"{"error_code":"APIGW.0308","error_msg":"throttled"}"#),
    ])
    func writesAreNeverRetried(failure: ScriptedTransport.Step) async {
        let reinstall = ScriptedTransport([failure])
        await #expect(throws: CloudError.self) {
            _ = try await Fixture.client(reinstall, retry: Self.policy).reinstall(
                serverId: "s1", api: .v2, request: ReinstallRequest(keyName: "k", userId: "u"))
        }
        #expect(reinstall.requests.count == 1)
        let stop = ScriptedTransport([failure])
        await #expect(throws: CloudError.self) {
            _ = try await Fixture.client(stop, retry: Self.policy).stopServer(id: "s1")
        }
        #expect(stop.requests.count == 1)
    }

    @Test func cancellingACallStopsItsRetries() async {
        let transport = ScriptedTransport(Array(repeating: .timeout, count: 10))
        let client = Fixture.client(transport, retry: RetryPolicy(maxAttempts: 10, baseDelay: .seconds(30)))
        var real = client
        real.retryClock = .live
        let task = Task { try await real.job(id: "j1") }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.requests.count == 1)
    }
}

/// Three refused signatures in a row stop the client, before the gateway's five-strike AK lock.
struct SignatureFailureGuardTests {
    static let refused = ScriptedTransport.Step.json(
        401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#)

    @Test func afterThreeRefusalsNoFurtherRequestIsSent() async {
        let transport = ScriptedTransport([Self.refused, Self.refused, Self.refused])
        let client = Fixture.client(transport)
        for _ in 0..<3 {
            await #expect(throws: CloudError.self) { _ = try await client.job(id: "j") }
        }
        #expect(client.consecutiveSignatureFailures == 3)
        await #expect {
            _ = try await client.listServers(page: 1)
        } throws: { error in
            guard case let .configuration(text) = error as? CloudError else { return false }
            return text.contains("15 minutes") && text.contains("clock") && text.contains("secret key")
                && text.contains("20250101T080000Z")
        }
        #expect(transport.requests.count == 3)
    }

    @Test func copiesShareTheCount() async {
        let transport = ScriptedTransport([Self.refused, Self.refused, Self.refused])
        let original = Fixture.client(transport)
        let copies = [original, original, original]
        for copy in copies {
            await #expect(throws: CloudError.self) { _ = try await copy.job(id: "j") }
        }
        let another = original
        await #expect(throws: CloudError.self) { _ = try await another.showServer(id: "s") }
        #expect(transport.requests.count == 3)
    }

    @Test func anyOtherAnswerResetsTheCount() async throws {
        let transport = ScriptedTransport([
            Self.refused, Self.refused, .json(200, ScriptedRetryTests.job), Self.refused, Self.refused,
            .json(404, #"{"error":{"code":"Ecs.0114","message":"gone"}}"#), Self.refused,
        ])
        let client = Fixture.client(transport)
        for _ in 0..<7 { _ = try? await client.job(id: "j") }
        #expect(transport.requests.count == 7)
        #expect(client.consecutiveSignatureFailures == 1)
    }

    @Test func aKeystoneStyle401CountsToo() async {
        let keystone = ScriptedTransport.Step.json(401, #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#)
        let transport = ScriptedTransport([keystone, keystone, keystone])
        let client = Fixture.client(transport)
        for _ in 0..<4 { _ = try? await client.userId() }
        #expect(transport.requests.count == 3)
    }

    @Test func concurrentCallsCannotOvershootTheLimit() async {
        let transport = RoutedTransport { _ in
            .json(401, #"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"}"#)
        }
        let client = Fixture.client(transport)
        _ = try? await client.job(id: "first")  // one refusal: from now on requests in flight count
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<10 { group.addTask { _ = try? await client.job(id: "j\(i)") } }
        }
        #expect(transport.requests.count <= 3)
    }
}
