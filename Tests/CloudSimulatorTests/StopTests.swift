import Foundation
@testable import CloudSimulator
import HuaweiCloud
import Testing

@Suite("Batch stop")
struct StopTests {
    let pid = SimulatorConfiguration().projectId

    private func stop(_ client: SignedClient, _ body: String) async throws -> SignedClient.Reply {
        try await client.send("POST", "/v1/\(pid)/cloudservers/action", body: Data(body.utf8))
    }

    @Test func stopMovesActiveServersToShutoffThroughAJob() async throws {
        let clock = ManualClock()
        // A stop takes a quarter of the job duration: 2 s here.
        try await withSimulator(SimulatorConfiguration(jobDuration: .seconds(8)), clock: clock) { simulator, client in
            let reply = try await stop(client, """
                {"os-stop":{"type":"HARD","servers":[{"id":"\(Demo.web01)"},{"id":"\(Demo.web02)"},{"id":"\(Demo.legacyApp)"}]}}
                """)
            #expect(reply.status == 200)
            let jobId = try reply.decode(JobReference.self).jobId

            var job = try await client.get("/v1/\(pid)/jobs/\(jobId)").decode(Job.self)
            #expect(job.status == .initial)
            clock.advance(by: .seconds(1))
            job = try await client.get("/v1/\(pid)/jobs/\(jobId)").decode(Job.self)
            #expect(job.status == .running)
            let web = try #require(await simulator.server(id: Demo.web01))
            #expect(web.status == .active)
            #expect(web.taskState == "powering-off")

            clock.advance(by: .seconds(1))
            let raw = try await client.get("/v1/\(pid)/jobs/\(jobId)")
            job = try raw.decode(Job.self)
            #expect(job.status == .success)
            #expect(job.jobType == "batchStopServers")
            #expect(job.endTime != nil)
            #expect(job.entities?.subJobsTotal == 3)
            let subs = try #require((try raw.json()["entities"] as? [String: Any])?["sub_jobs"] as? [[String: Any]])
            let ids = subs.compactMap { ($0["entities"] as? [String: Any])?["server_id"] as? String }
            #expect(ids == [Demo.web01, Demo.web02, Demo.legacyApp])
            for id in [Demo.web01, Demo.web02, Demo.legacyApp] {
                let server = try #require(await simulator.server(id: id))
                #expect(server.status == .shutoff)
                #expect(server.taskState == nil)
            }
            // Stopped, the server can be reinstalled without withStopServer.
            let reinstall = try await client.reinstall(.v2, server: Demo.web01, body: #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#)
            #expect(reinstall.status == 200)
        }
    }

    @Test func aStopAndAReinstallOfTheSameServerConflict() async throws {
        let clock = ManualClock()
        try await withSimulator(clock: clock) { _, client in
            #expect(try await stop(client, #"{"os-stop":{"servers":[{"id":"\#(Demo.web01)"}]}}"#).status == 200)
            let reinstall = try await client.reinstall(
                .v2, server: Demo.web01, body: #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd","mode":"withStopServer"}}"#)
            #expect(reinstall.errorCode == "Ecs.0603")
            let rebuild = try await client.reinstall(.v1, server: Demo.legacyApp, body: #"{"os-reinstall":{"adminpass":"Str0ng!Passw0rd"}}"#)
            #expect(rebuild.status == 200)
            let again = try await stop(client, #"{"os-stop":{"servers":[{"id":"\#(Demo.legacyApp)"}]}}"#)
            #expect(again.status == 501)
            #expect(again.errorCode == "Ecs.0603")
        }
    }

    @Test(arguments: [
        (#"{"os-stop":{"type":"GENTLE","servers":[{"id":"\#(Demo.web01)"}]}}"#, 400, "Ecs.0005"),
        (#"{"os-stop":{"servers":[]}}"#, 400, "Ecs.0005"),
        (#"{"os-stop":{"servers":[{"name":"web-01"}]}}"#, 400, "Ecs.0005"),
        (#"{"os-start":{"servers":[{"id":"\#(Demo.web01)"}]}}"#, 400, "Ecs.0005"),
        ("not json", 400, "Ecs.0005"),
        (#"{"os-stop":{"servers":[{"id":"\#(Demo.web01)"},{"id":"00000000-0000-4000-8000-000000000000"}]}}"#, 404, "Ecs.0114"),
        (#"{"os-stop":{"servers":[{"id":"\#(Demo.locked)"}]}}"#, 400, "Ecs.0605"),
    ])
    func refusals(body: String, status: Int, code: String) async throws {
        try await withSimulator { simulator, client in
            let reply = try await stop(client, body)
            #expect(reply.status == status)
            #expect(reply.errorCode == code)
            #expect(await simulator.server(id: Demo.web01)?.taskState == nil)
            #expect(await simulator.server(id: Demo.web01)?.status == .active)
        }
    }

    @Test func moreThanAThousandServersIsRefused() async throws {
        try await withSimulator { _, client in
            let entries = (0..<1001).map { _ in #"{"id":"\#(Demo.web01)"}"# }.joined(separator: ",")
            let reply = try await stop(client, #"{"os-stop":{"servers":[\#(entries)]}}"#)
            #expect(reply.errorCode == "Ecs.0005")
        }
    }
}
