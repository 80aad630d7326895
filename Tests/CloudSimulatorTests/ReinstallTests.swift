import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Reinstall jobs")
struct ReinstallTests {
    let pid = SimulatorConfiguration().projectId

    private func job(_ client: SignedClient, _ id: String) async throws -> (Job, [String: Any]) {
        let reply = try await client.get("/v1/\(pid)/jobs/\(id)")
        #expect(reply.status == 200)
        return (try reply.decode(Job.self), try reply.json())
    }

    @Test func v2WithKeypairRunsToSuccess() async throws {
        let clock = ManualClock(Date())
        let config = SimulatorConfiguration(jobDuration: .seconds(12))
        try await withSimulator(config, clock: clock) { simulator, client in
            let reply = try await client.reinstall(.v2, server: Demo.web01, body: """
                {"os-reinstall":{"keyname":"deploy-rsa","userid":"\(Demo.userId)","mode":"withStopServer"}}
                """)
            #expect(reply.status == 200)
            let jobId = try reply.decode(JobReference.self).jobId
            #expect(jobId.count == 32 && jobId.allSatisfy(\.isHexDigit))

            var (job, _) = try await job(client, jobId)
            #expect(job.status == .initial)
            #expect(job.endTime == nil)
            #expect(job.beginTime?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            var server = try #require(await simulator.server(id: Demo.web01))
            #expect(server.status == .rebuild)
            #expect(server.taskState == "rebuilding")

            clock.advance(by: .seconds(6))
            (job, _) = try await self.job(client, jobId)
            #expect(job.status == .running)
            let shown = try await client.get("/v1/\(pid)/cloudservers/\(Demo.web01)").decode([String: Server].self)
            #expect(shown["server"]?.status == .rebuild)
            #expect(shown["server"]?.taskState == "rebuild_block_device_mapping")

            clock.advance(by: .seconds(3))
            server = try #require(await simulator.server(id: Demo.web01))
            #expect(server.taskState == "rebuild_spawning")

            clock.advance(by: .seconds(4))
            let raw: [String: Any]
            (job, raw) = try await self.job(client, jobId)
            #expect(job.status == .success)
            #expect(job.endTime != nil)
            #expect(job.errorCode == nil && job.failReason == nil)
            #expect(job.entities?.serverId == Demo.web01)
            #expect(job.entities?.subJobsTotal == 1)
            let sub = try #require(job.entities?.subJobs?.first)
            #expect(sub.status == .success)
            #expect(sub.jobType == "rebuildSingleServer")
            let rawSub = try #require(((raw["entities"] as? [String: Any])?["sub_jobs"] as? [[String: Any]])?.first)
            #expect((rawSub["entities"] as? [String: Any])?["server_id"] as? String == Demo.web01)

            server = try #require(await simulator.server(id: Demo.web01))
            #expect(server.status == .active)
            #expect(server.taskState == nil)
            #expect(server.keyName == "deploy-rsa")
            let listed = try await client.get("/v1/\(pid)/cloudservers/detail", query: [("name", "web-01")])
                .decode(ServerPage.self)
            #expect(listed.servers.first?.status == .active)
        }
    }

    @Test func v1WithPasswordOnAStoppedServerEndsActive() async throws {
        try await withSimulator(SimulatorConfiguration(jobDuration: .milliseconds(1))) { simulator, client in
            let reply = try await client.reinstall(.v1, server: Demo.legacyApp, body: """
                {"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}
                """)
            #expect(reply.status == 200)
            let jobId = try reply.decode(JobReference.self).jobId
            try await Task.sleep(for: .milliseconds(20))
            #expect(try await job(client, jobId).0.status == .success)
            let server = try #require(await simulator.server(id: Demo.legacyApp))
            #expect(server.status == .active)
            #expect(server.keyName == nil)
        }
    }

    @Test func failingJobReturnsTheServerToItsPriorStatus() async throws {
        let clock = ManualClock(Date())
        try await withSimulator(SimulatorConfiguration(failureRate: 1), clock: clock) { simulator, client in
            let reply = try await client.reinstall(.v2, server: Demo.dbReplica, body: """
                {"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}
                """)
            let jobId = try reply.decode(JobReference.self).jobId
            clock.advance(by: .seconds(13))
            let job = try await job(client, jobId).0
            #expect(job.status == .fail)
            #expect(job.errorCode == "Ecs.1002")
            #expect(job.failReason?.isEmpty == false)
            #expect(job.entities?.subJobs?.first?.status == .fail)
            #expect(job.entities?.subJobs?.first?.errorcodeMessage?.isEmpty == false)
            let server = try #require(await simulator.server(id: Demo.dbReplica))
            #expect(server.status == .shutoff)
            #expect(server.taskState == nil)
        }
    }

    @Test func secondReinstallWhileRunningConflicts() async throws {
        let clock = ManualClock(Date())
        try await withSimulator(clock: clock) { _, client in
            let body = #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#
            #expect(try await client.reinstall(.v1, server: Demo.legacyApp, body: body).status == 200)
            let again = try await client.reinstall(.v1, server: Demo.legacyApp, body: body)
            #expect(again.errorCode == "Ecs.0603")
            #expect(!again.text.contains("Str0ng!Passw0rd"))
            clock.advance(by: .seconds(13))
            // Done: the server is ACTIVE now, so a plain retry needs withStopServer.
            let afterwards = try await client.reinstall(.v1, server: Demo.legacyApp, body: body)
            #expect(afterwards.errorCode == "Ecs.0100")
        }
    }

    @Test func unknownJobIsCommon0011() async throws {
        try await withSimulator { _, client in
            let reply = try await client.get("/v1/\(pid)/jobs/ff80808288d41e1b018990260955686a")
            #expect(reply.status == 400)
            #expect(reply.errorCode == "Common.0011")
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var api: ReinstallAPI
        var server: String
        var body: String
        var status: Int
        var code: String
        var testDescription: String { label }
    }

    static let password = "Str0ng!Passw0rd"
    static func userData(bytes: Int) -> String { Data(repeating: UInt8(ascii: "#"), count: bytes).base64EncodedString() }
    static let refusals: [Refusal] = [
        Refusal(label: "not JSON", api: .v2, server: Demo.legacyApp, body: "{nope", status: 400, code: "Ecs.0005"),
        Refusal(label: "no os-reinstall", api: .v2, server: Demo.legacyApp, body: #"{"adminpass":"\#(password)"}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "v1 neither", api: .v1, server: Demo.legacyApp, body: #"{"os-reinstall":{}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "v1 both", api: .v1, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","keyname":"ops-ed25519","userid":"u"}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "v2 both", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","keyname":"ops-ed25519","userid":"u"}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "v2 neither without user_data", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"mode":"withStopServer"}}"#, status: 400, code: "Ecs.0005"),
        Refusal(label: "v1 user_data", api: .v1, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","metadata":{"user_data":"IyEvYmluL3NoCg=="}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "bad mode", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","mode":"force"}}"#, status: 400, code: "Ecs.0005"),
        Refusal(label: "unknown key pair", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"keyname":"nope","userid":"u"}}"#, status: 400, code: "Ecs.0314"),
        Refusal(label: "Windows v1 key", api: .v1, server: Demo.winAD,
                body: #"{"os-reinstall":{"keyname":"ops-ed25519","userid":"u"}}"#, status: 400, code: "Ecs.0005"),
        Refusal(label: "password too short", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"Sh0rt!"}}"#, status: 400, code: "Ecs.0011"),
        Refusal(label: "password too long", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!"}}"#, status: 400, code: "Ecs.0011"),
        Refusal(label: "password two classes", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"onlylowercase123"}}"#, status: 400, code: "Ecs.0011"),
        Refusal(label: "password with a space", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"Has Space1!x"}}"#, status: 400, code: "Ecs.0011"),
        Refusal(label: "no system disk", api: .v2, server: Demo.noDisk,
                body: #"{"os-reinstall":{"adminpass":"\#(password)"}}"#, status: 400, code: "Ecs.0105"),
        Refusal(label: "locked", api: .v2, server: Demo.locked,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","mode":"withStopServer"}}"#,
                status: 400, code: "Ecs.0605"),
        Refusal(label: "running without withStopServer", api: .v2, server: Demo.web01,
                body: #"{"os-reinstall":{"adminpass":"\#(password)"}}"#, status: 400, code: "Ecs.0100"),
        Refusal(label: "user_data over 32 KB before encoding", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"metadata":{"user_data":"\#(Self.userData(bytes: 32 * 1024 + 1))"}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "user_data not Base64", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"metadata":{"user_data":"not base64!"}}}"#, status: 400, code: "Ecs.0005"),
        Refusal(label: "encrypted without a CMK id", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","metadata":{"__system__encrypted":"1"}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "encrypted with a malformed CMK id", api: .v1, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","metadata":{"__system__encrypted":"1","__system__cmkid":"short"}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "BYOL other than true", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","metadata":{"BYOL":"yes"}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "Linux v2 adminpass with user_data", api: .v2, server: Demo.legacyApp,
                body: #"{"os-reinstall":{"adminpass":"\#(password)","metadata":{"user_data":"IyEvYmluL3NoCg=="}}}"#,
                status: 400, code: "Ecs.0005"),
        Refusal(label: "unknown server", api: .v2, server: "00000000-0000-4000-8000-000000000000",
                body: #"{"os-reinstall":{"adminpass":"\#(password)"}}"#, status: 404, code: "Ecs.0114"),
    ]

    @Test(arguments: refusals)
    func refusal(_ refusal: Refusal) async throws {
        try await withSimulator { simulator, client in
            let before = await simulator.server(id: refusal.server)
            let reply = try await client.reinstall(refusal.api, server: refusal.server, body: refusal.body)
            #expect(reply.status == refusal.status)
            #expect(reply.errorCode == refusal.code)
            let message = try #require((try reply.json()["error"] as? [String: Any])?["message"] as? String)
            #expect(!message.isEmpty)
            for secret in [Self.password, "Sh0rt!", "Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!", "onlylowercase123", "Has Space1!x"] {
                #expect(!reply.text.contains(secret))
            }
            #expect(await simulator.server(id: refusal.server) == before)
        }
    }

    /// The cloud ignores adminpass when user_data is given for a Linux server on v2; the simulator
    /// refuses the pair, naming the rule, so nobody is locked out unnoticed.
    @Test func linuxV2AdminpassWithUserDataIsRefusedNamingTheRule() async throws {
        try await withSimulator { simulator, client in
            let before = await simulator.server(id: Demo.legacyApp)
            let userData = Data("#!/bin/sh\n".utf8).base64EncodedString()
            let reply = try await client.reinstall(.v2, server: Demo.legacyApp, body: """
                {"os-reinstall":{"adminpass":"\(Self.password)","metadata":{"user_data":"\(userData)"}}}
                """)
            #expect(reply.status == 400)
            #expect(reply.errorCode == "Ecs.0005")
            let message = try #require((try reply.json()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("adminpass is invalid when metadata.user_data is given"), "\(message)")
            #expect(!reply.text.contains(Self.password))
            #expect(await simulator.server(id: Demo.legacyApp) == before)

            // A key pair with user data is kept; Windows (Cloudbase-Init) keeps its password.
            let keypair = try await client.reinstall(.v2, server: Demo.legacyApp, body: """
                {"os-reinstall":{"keyname":"ops-ed25519","userid":"u","metadata":{"user_data":"\(userData)"}}}
                """)
            #expect(keypair.status == 200, "\(keypair.text)")
            let windows = try await client.reinstall(.v2, server: Demo.winRDP, body: """
                {"os-reinstall":{"adminpass":"\(Self.password)","mode":"withStopServer","metadata":{"user_data":"\(userData)"}}}
                """)
            #expect(windows.status == 200, "\(windows.text)")
        }
    }

    @Test func acceptedVariants() async throws {
        try await withSimulator { _, client in
            // v2 with only user_data; ERROR servers may be reinstalled; Windows v1 with a password.
            let userData = Data("#!/bin/sh\necho hi\n".utf8).base64EncodedString()
            let cases: [(ReinstallAPI, String, String)] = [
                (.v2, Demo.legacyApp, #"{"os-reinstall":{"metadata":{"user_data":"\#(userData)"}}}"#),
                (.v2, Demo.cache, #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#),
                (.v1, Demo.winAD, #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#),
                (.v2, Demo.winRDP, #"{"os-reinstall":{"keyname":"ops-ed25519","userid":"u","mode":"withStopServer"}}"#),
                // Exactly 32 KB of user data, and an encrypted disk with a 36-character CMK id.
                (.v2, Demo.dbReplica, #"{"os-reinstall":{"metadata":{"user_data":"\#(Self.userData(bytes: 32 * 1024))"}}}"#),
                (.v1, Demo.imported,
                 #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd","metadata":{"__system__encrypted":"1","__system__cmkid":"0f1e2d3c-4b5a-4987-a6b5-c4d3e2f1a0b9"}}}"#),
            ]
            for (api, server, body) in cases {
                let reply = try await client.reinstall(api, server: server, body: body)
                #expect(reply.status == 200, "\(api) \(server): \(reply.text)")
            }
        }
    }
}
