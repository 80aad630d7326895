import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Fault injection")
struct FaultInjectionTests {
    let pid = SimulatorConfiguration().projectId

    @Test func serverErrorsAlternate500And503AndDoNotCarryOutTheRequest() async throws {
        try await withSimulator { simulator, client in
            await simulator.inject(.serverError, count: 2)
            let body = #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#
            let first = try await client.reinstall(.v1, server: Demo.legacyApp, body: body)
            #expect(first.status == 500)
            #expect(first.errorCode == "Common.0001")
            let second = try await client.get("/v3/projects")
            #expect(second.status == 503)
            #expect(second.errorCode == "Common.1503")
            #expect(await simulator.server(id: Demo.legacyApp)?.status == .shutoff)
            #expect(try await client.get("/v3/projects").status == 200)
        }
    }

    @Test func throttlingIs429WithRetryAfterInBursts() async throws {
        try await withSimulator { simulator, client in
            await simulator.setFaultPlan(FaultPlan(rates: [.throttle: 1], throttleBurst: 3, retryAfterSeconds: 7))
            let first = try await client.get("/v3/projects")
            await simulator.setFaultPlan(.none)
            #expect(first.status == 429)
            #expect(first.errorCode == "APIGW.0308")
            #expect(first.retryAfter == "7")
            // The burst goes on after the plan is lifted: three in a row, then normal service.
            #expect(try await client.get("/v3/projects").status == 429)
            #expect(try await client.get("/v3/projects").status == 429)
            #expect(try await client.get("/v3/projects").status == 200)
        }
    }

    @Test func flowControlIsCommon0024OnHTTP202() async throws {
        try await withSimulator { simulator, client in
            await simulator.inject(.flowControl)
            let body = #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#
            let reply = try await client.reinstall(.v1, server: Demo.legacyApp, body: body)
            #expect(reply.status == 202)
            #expect(reply.errorCode == "Common.0024")
            #expect(await simulator.server(id: Demo.legacyApp)?.status == .shutoff)
        }
    }

    @Test func aHungRequestOutlastsAShortTimeoutThenIsCarriedOut() async throws {
        let configuration = SimulatorConfiguration(faults: FaultPlan(hangDuration: .milliseconds(400)))
        try await withSimulator(configuration) { simulator, client in
            await simulator.inject(.hang)
            let started = ContinuousClock.now
            let reply = try await client.get("/v3/projects")
            #expect(ContinuousClock.now - started >= .milliseconds(400))
            #expect(reply.status == 200)

            await simulator.inject(.hang)
            await #expect(throws: (any Error).self) {
                _ = try await client.send("GET", "/v3/projects", timeout: 0.1)
            }
        }
    }

    @Test func stoppingReleasesHungRequests() async throws {
        let configuration = SimulatorConfiguration(faults: FaultPlan(hangDuration: .seconds(60)))
        let simulator = CloudSimulator(configuration: configuration)
        let url = try await simulator.start(port: 0)
        let client = SignedClient(baseURL: url, configuration: configuration)
        await simulator.inject(.hang)
        let hung = Task { try? await client.send("GET", "/v3/projects", timeout: 30) }
        try await Task.sleep(for: .milliseconds(150))
        let started = ContinuousClock.now
        await simulator.stop()
        #expect(ContinuousClock.now - started < .seconds(15), "stop must not wait for the 60 s hang")
        _ = await hung.value
    }

    @Test func aResetIsATCPResetWithoutAReply() async throws {
        try await withSimulator { simulator, _ in
            let configuration = simulator.configuration
            let port = try #require(await simulator.url?.port)
            await simulator.inject(.reset)
            let reset = try RawHTTP.get("/v3/projects", port: port, configuration: configuration)
            #expect(reset.received.isEmpty)
            #expect(reset.readError == ECONNRESET)
            let normal = try RawHTTP.get("/v3/projects", port: port, configuration: configuration)
            #expect(normal.statusLine.hasPrefix("HTTP/1.1 200"))
            #expect(normal.readError == 0)
        }
    }

    @Test func truncatedAndMalformedRepliesAreNotJSON() async throws {
        try await withSimulator { simulator, client in
            let path = "/v1/\(pid)/cloudservers/\(Demo.web01)"
            let normal = try await client.get(path)
            #expect(normal.status == 200)

            await simulator.inject(.truncate)
            let truncated = try await client.get(path)
            #expect(truncated.status == 200)
            #expect(truncated.body.count == normal.body.count / 2)
            #expect(normal.body.starts(with: truncated.body))
            #expect((try? JSONSerialization.jsonObject(with: truncated.body)) == nil)

            await simulator.inject(.malformed)
            let malformed = try await client.get(path)
            #expect(malformed.status == 200)
            #expect(malformed.body.count == normal.body.count)
            #expect((try? JSONSerialization.jsonObject(with: malformed.body)) == nil)
        }
    }

    @Test func aLostJobAnswersOnceThen404WhileTheServerStillFinishes() async throws {
        let clock = ManualClock()
        try await withSimulator(SimulatorConfiguration(jobDuration: .seconds(10)), clock: clock) { simulator, client in
            await simulator.inject(.lostJob)
            let reply = try await client.reinstall(.v1, server: Demo.legacyApp, body: #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#)
            let jobId = try reply.decode(JobReference.self).jobId
            #expect(try await client.get("/v1/\(pid)/jobs/\(jobId)").status == 200)
            let lost = try await client.get("/v1/\(pid)/jobs/\(jobId)")
            #expect(lost.status == 404)
            #expect(lost.errorCode == "Common.0011")
            clock.advance(by: .seconds(11))
            #expect(try await client.get("/v1/\(pid)/jobs/\(jobId)").status == 404)
            #expect(await simulator.server(id: Demo.legacyApp)?.status == .active)
        }
    }

    @Test func latencyDelaysEveryReply() async throws {
        try await withSimulator(SimulatorConfiguration(latency: .milliseconds(150))) { _, client in
            let started = ContinuousClock.now
            let reply = try await client.get("/v3/projects")
            #expect(reply.status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(150))
        }
    }

    @Test func theSameSeedDrawsTheSameFaults() throws {
        let plan = try FaultPlan(parsing: "5xx=0.1,429=0.05,202=0.05,hang=0.01,reset=0.01,drop=0.01,truncate=0.02,malformed=0.02,lostjob=0.1")
        var a = FaultInjector(plan: plan, seed: 7)
        var b = FaultInjector(plan: plan, seed: 7)
        var c = FaultInjector(plan: plan, seed: 8)
        let drawsA = (0..<2000).map { _ in a.nextRequestFault(method: "GET") }
        let drawsB = (0..<2000).map { _ in b.nextRequestFault(method: "GET") }
        let drawsC = (0..<2000).map { _ in c.nextRequestFault(method: "GET") }
        #expect(drawsA == drawsB)
        #expect(drawsA != drawsC)
        // Roughly the asked shares (bursts make 429 about three times its share of draws).
        let serverErrors = drawsA.filter { $0 == .serverError }.count
        #expect((120...280).contains(serverErrors))
        for fault in Fault.perRequest { #expect(drawsA.contains(fault), "\(fault) never drawn") }
        let lost = (0..<1000).filter { _ in a.nextJobIsLost() }.count
        #expect((50...150).contains(lost))
    }

    @Test func aPlanWithoutFaultsNeverInjects() {
        var injector = FaultInjector(plan: .none, seed: 1)
        let faults = (0..<1000).compactMap { _ in injector.nextRequestFault(method: "GET") }
        let lost = (0..<100).filter { _ in injector.nextJobIsLost() }
        #expect(faults.isEmpty)
        #expect(lost.isEmpty)
    }
}

@Suite("The --faults grammar")
struct FaultPlanParsingTests {
    @Test func theFullExampleParses() throws {
        let plan = try FaultPlan(parsing: "5xx=0.1,429=0.05,202=0.05,hang=0.01,reset=0.01,drop=0.01,truncate=0.02,malformed=0.02,lostjob=0.1")
        #expect(plan.rate(.serverError) == 0.1)
        #expect(plan.rate(.throttle) == 0.05)
        #expect(plan.rate(.flowControl) == 0.05)
        #expect(plan.rate(.hang) == 0.01)
        #expect(plan.rate(.reset) == 0.01)
        #expect(plan.rate(.truncate) == 0.02)
        #expect(plan.rate(.malformed) == 0.02)
        #expect(plan.rate(.lostJob) == 0.1)
        #expect(try FaultPlan(parsing: plan.description) == plan)
    }

    @Test func optionsAndEmptySpecs() throws {
        let plan = try FaultPlan(parsing: " 429 = 0.2 , burst=5, retry-after=3, HANG-MS=250 ")
        #expect(plan.rate(.throttle) == 0.2)
        #expect(plan.throttleBurst == 5)
        #expect(plan.retryAfterSeconds == 3)
        #expect(plan.hangDuration == .milliseconds(250))
        #expect(try FaultPlan(parsing: "") == .none)
        #expect(try FaultPlan(parsing: "none") == .none)
        #expect(FaultPlan.none.description == "none")
        #expect(try FaultPlan(parsing: "lostjob=1,5xx=1").rate(.lostJob) == 1)  // lostjob is not a per-request share
    }

    @Test(arguments: [
        ("5xx", FaultPlan.ParseError.malformedSetting("5xx")),
        ("5xx=1.5", .invalidValue(key: "5xx", value: "1.5")),
        ("5xx=-0.1", .invalidValue(key: "5xx", value: "-0.1")),
        ("teapot=0.1", .unknownKey("teapot")),
        ("burst=0", .invalidValue(key: "burst", value: "0")),
        ("hang-ms=abc", .invalidValue(key: "hang-ms", value: "abc")),
        ("5xx=0.6,429=0.5", .sharesExceedOne(1.1)),
    ])
    func badSpecsAreRefused(spec: String, error: FaultPlan.ParseError) {
        #expect(throws: error) { try FaultPlan(parsing: spec) }
    }
}
