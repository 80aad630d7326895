import Foundation
import Testing

@testable import HuaweiCloud

/// A reinstall POST goes out at most once; after an ambiguous failure the server is re-read to
/// tell "started", "not started" and "unknown" apart.
struct ReinstallSafetyTests {
    static let request = ReinstallRequest(adminPass: Secret(Fixture.password), withStopServer: true)

    enum Expected: Sendable {
        case accepted, started, notStarted, unknown

        func matches(_ outcome: ReinstallOutcome) -> Bool {
            switch (self, outcome) {
            case (.accepted, .accepted), (.started, .startedWithoutJobId), (.notStarted, .notStarted), (.unknown, .unknown):
                return true
            default:
                return false
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var before: ScriptedTransport.Step
        var post: ScriptedTransport.Step
        var after: ScriptedTransport.Step?
        var expected: Expected
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "accepted", before: .server(status: "ACTIVE"), post: .json(200, #"{"job_id":"j-1"}"#), after: nil,
             expected: .accepted),
        Case(name: "POST timed out, server REBUILD → started, no second POST", before: .server(status: "SHUTOFF"),
             post: .timeout, after: .server(status: "REBUILD", taskState: "rebuilding"), expected: .started),
        Case(name: "connection lost, rebuild task_state on a SHUTOFF server → started", before: .server(status: "SHUTOFF"),
             post: .lost, after: .server(status: "SHUTOFF", taskState: "rebuild_spawning"), expected: .started),
        Case(name: "500, server REBUILD → started", before: .server(status: "ACTIVE"),
             post: .json(500, #"{"error":{"code":"Common.0001","message":"system error"}}"#),
             after: .server(status: "REBUILD"), expected: .started),
        Case(name: "2xx without a job id, server REBUILD → started", before: .server(status: "ACTIVE"),
             post: .json(200, "<html>ok</html>"), after: .server(status: "REBUILD"), expected: .started),
        Case(name: "timed out, server unchanged → unknown", before: .server(status: "ACTIVE"), post: .timeout,
             after: .server(status: "ACTIVE"), expected: .unknown),
        Case(name: "timed out, server powering off (withStopServer) → unknown", before: .server(status: "ACTIVE"),
             post: .timeout, after: .server(status: "ACTIVE", taskState: "powering-off"), expected: .unknown),
        Case(name: "503, server unchanged → unknown", before: .server(status: "SHUTOFF"),
             post: .json(503, #"{"error":{"code":"Common.1503","message":"busy"}}"#), after: .server(status: "SHUTOFF"),
             expected: .unknown),
        Case(name: "timed out, server unreadable → unknown", before: .server(status: "SHUTOFF"), post: .timeout,
             after: .json(404, #"{"error":{"code":"Ecs.0114","message":"gone"}}"#), expected: .unknown),
        Case(name: "already rebuilding before, timed out → unknown", before: .server(status: "REBUILD", taskState: "rebuilding"),
             post: .timeout, after: .server(status: "REBUILD", taskState: "rebuilding"), expected: .unknown),
        Case(name: "connection refused, server unchanged → not started", before: .server(status: "SHUTOFF"), post: .refused,
             after: .server(status: "SHUTOFF"), expected: .notStarted),
        Case(name: "connection refused, server unreadable → not started", before: .server(status: "SHUTOFF"), post: .refused,
             after: .refused, expected: .notStarted),
        Case(name: "TLS failure → not started", before: .server(status: "SHUTOFF"),
             post: .fail(TransportError(.tls, "the TLS certificate could not be verified")), after: .server(status: "SHUTOFF"),
             expected: .notStarted),
        Case(name: "400 Ecs.0011, unchanged → not started", before: .server(status: "SHUTOFF"),
             post: .json(400, #"{"error":{"code":"Ecs.0011","message":"password length must range from 8 to 26"}}"#),
             after: .server(status: "SHUTOFF"), expected: .notStarted),
        Case(name: "429 throttled → not started", before: .server(status: "SHUTOFF"),
             post: .json(429, #"{"error_code":"APIGW.0308","error_msg":"throttled"}"#), after: .server(status: "SHUTOFF"),
             expected: .notStarted),
        Case(name: "202 Common.0024 → not started", before: .server(status: "SHUTOFF"),
             post: .json(202, #"{"error":{"code":"Common.0024","message":"exceeds flow over limit"}}"#),
             after: .server(status: "SHUTOFF"), expected: .notStarted),
        Case(name: "400 but the status changed meanwhile → unknown", before: .server(status: "ACTIVE"),
             post: .json(400, #"{"error":{"code":"Ecs.0011","message":"password length"}}"#), after: .server(status: "SHUTOFF"),
             expected: .unknown),
        Case(name: "400 Ecs.0100 state refusal, the status changed meanwhile → not started", before: .server(status: "ACTIVE"),
             post: .json(400, #"{"error":{"code":"Ecs.0100","message":"state not allowed"}}"#), after: .server(status: "SHUTOFF"),
             expected: .notStarted),
        Case(name: "409 Ecs.0603 another job runs, server busy after → not started", before: .server(status: "ACTIVE"),
             post: .json(409, #"{"error":{"code":"Ecs.0603","message":"other commands are being executed"}}"#),
             after: .server(status: "REBUILD", taskState: "rebuilding"), expected: .notStarted),
        Case(name: "501 Ecs.0603 (a 5xx naming another job), server REBUILD after → not started, never started",
             before: .server(status: "SHUTOFF"),
             post: .json(501, #"{"error":{"code":"Ecs.0603","message":"other commands are being executed"}}"#),
             after: .server(status: "REBUILD", taskState: "rebuilding"), expected: .notStarted),
    ]

    @Test(arguments: cases)
    func outcome(of testCase: Case) async {
        var steps = [testCase.before, testCase.post]
        if let after = testCase.after { steps.append(after) }
        let transport = ScriptedTransport(steps)
        let outcome = await Fixture.client(transport, retry: .none).reinstallSafely(
            serverId: "s1", api: .v2, request: Self.request)
        #expect(testCase.expected.matches(outcome), "got \(outcome.message)")
        #expect(transport.methods.filter { $0 == "POST" }.count == 1, "the reinstall must be sent exactly once")
        #expect(transport.remaining == 0)
        #expect(outcome.isSafeToRetry == (testCase.expected == .notStarted))
        #expect(!outcome.message.contains(Fixture.password))
        #expect(!outcome.message.contains(Fixture.secretKey))
    }

    @Test func aBaselineThatCannotBeReadMeansNothingWasSent() async {
        let transport = ScriptedTransport([.json(404, #"{"error":{"code":"Ecs.0114","message":"no such server"}}"#)])
        let outcome = await Fixture.client(transport, retry: .none).reinstallSafely(serverId: "s1", api: .v1, request: Self.request)
        guard case let .notStarted(cause) = outcome else {
            Issue.record("expected notStarted, got \(outcome)")
            return
        }
        #expect(cause.code == "Ecs.0114")
        #expect(transport.methods == ["GET"])
    }

    @Test func theReReadWaitsForTheCloudToSettleOnlyAfterAnAmbiguousFailure() async {
        let time = VirtualTime()
        let ambiguous = ScriptedTransport([.server(status: "SHUTOFF"), .timeout, .server(status: "REBUILD")])
        _ = await Fixture.client(ambiguous, retry: .none, time: time).reinstallSafely(serverId: "s1", api: .v2, request: Self.request)
        #expect(time.sleeps == [CloudClient.settleBeforeReread])

        let refusedTime = VirtualTime()
        let refused = ScriptedTransport([.server(status: "SHUTOFF"), .refused, .server(status: "SHUTOFF")])
        _ = await Fixture.client(refused, retry: .none, time: refusedTime).reinstallSafely(serverId: "s1", api: .v2, request: Self.request)
        #expect(refusedTime.sleeps.isEmpty)
    }

    @Test func theStartedOutcomeCarriesTheServerAndTheCause() async {
        let transport = ScriptedTransport([.server(status: "SHUTOFF"), .timeout, .server(status: "REBUILD", taskState: "rebuilding")])
        let outcome = await Fixture.client(transport, retry: .none).reinstallSafely(serverId: "s1", api: .v2, request: Self.request)
        guard case let .startedWithoutJobId(server, cause) = outcome else {
            Issue.record("expected started, got \(outcome)")
            return
        }
        #expect(server.status == .rebuild)
        #expect(cause == .transport("the request timed out"))
        #expect(outcome.message.contains("Do not send the reinstall again"))
        #expect(outcome.jobId == nil)
    }

    @Test func aRefusalThatQuotesThePasswordDoesNotRepeatIt() async {
        let echo = #"{"error":{"code":"Ecs.0005","message":"request body is illegal: {\"adminpass\": \"\#(Fixture.password)\"}"}}"#
        let transport = ScriptedTransport([.server(status: "SHUTOFF"), .json(400, echo), .server(status: "SHUTOFF")])
        let outcome = await Fixture.client(transport, retry: .none).reinstallSafely(serverId: "s1", api: .v2, request: Self.request)
        #expect(outcome.isSafeToRetry)
        #expect(!outcome.message.contains(Fixture.password))
        #expect(outcome.message.contains("••••"))
        await #expect {
            _ = try await Fixture.client(ScriptedTransport([.json(400, echo)])).reinstall(
                serverId: "s1", api: .v2, request: Self.request)
        } throws: { error in
            !"\(error)".contains(Fixture.password)
        }
    }

    @Test func theRequestBodyIsTheSpecShape() async throws {
        let transport = ScriptedTransport([.server(status: "SHUTOFF"), .json(200, #"{"job_id":"j-9"}"#)])
        let outcome = await Fixture.client(transport).reinstallSafely(
            serverId: "s/1", api: .v1, request: ReinstallRequest(keyName: "kp", userId: "u1"))
        #expect(outcome == .accepted(jobId: "j-9", requestId: "req-1"), "the answer's X-Request-Id is kept")
        let post = try #require(transport.requests.last)
        #expect(post.sentURL.path(percentEncoded: true) == "/v1/p1/cloudservers/s%2F1/reinstallos")
        #expect(String(decoding: post.body, as: UTF8.self) == #"{"os-reinstall":{"keyname":"kp","userid":"u1"}}"#)
        #expect(post.headers["Content-Type"] == "application/json;charset=UTF-8")
    }
}

extension ReinstallSafetyTests.Expected: Equatable {}

/// Stop server: the body, the path, the job id.
struct StopServerTests {
    @Test(arguments: [(StopServerRequest.StopType.soft, "SOFT"), (.hard, "HARD")])
    func stopSendsTheOsStopBodyAndReturnsTheJob(type: StopServerRequest.StopType, wire: String) async throws {
        let transport = ScriptedTransport([.json(200, #"{"job_id":"stop-1"}"#)])
        let jobId = try await Fixture.client(transport).stopServer(id: "s1", type: type)
        #expect(jobId == "stop-1")
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.sentURL.absoluteString == "https://ecs.cn-north-4.myhuaweicloud.com/v1/p1/cloudservers/action")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"os-stop":{"servers":[{"id":"s1"}],"type":"\#(wire)"}}"#)
        #expect(try StopServerRequest.decode(request.body) == StopServerRequest(serverIds: ["s1"], type: type))
    }
}
