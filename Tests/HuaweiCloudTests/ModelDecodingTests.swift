import Foundation
import Testing

@testable import HuaweiCloud

struct ModelDecodingTests {
    @Test func serverDecodesTheRealShapeLeniently() throws {
        let json = #"""
        {"count": "1", "servers": [{"id": "s1", "name": "web", "status": "ACTIVE", "OS-EXT-STS:task_state": null,
          "image": {"id": "img"}, "metadata": {"os_type": "Linux", "image_name": "Ubuntu"},
          "flavor": {"id": "s6.large.2", "ram": 4096, "vcpus": "2"},
          "addresses": {"vpc": [{"addr": "192.168.0.5", "version": 4, "OS-EXT-IPS:type": "fixed"}]},
          "os-extended-volumes:volumes_attached": [{"id": "v", "bootIndex": 0}], "unknown": [1, 2]}]}
        """#
        let page = try JSONDecoder().decode(ServerPage.self, from: Data(json.utf8))
        let server = try #require(page.servers.first)
        #expect(page.count == 1)
        #expect(server.imageId == "img")
        #expect(server.flavor?.ram == "4096")
        #expect(server.privateIP == "192.168.0.5")
        #expect(server.hasSystemDisk)
        #expect(!server.isWindows)
    }

    @Test func anEmptyTaskStateIsNoTask() throws {
        let json = #"{"id": "s1", "name": "web", "status": "ACTIVE", "OS-EXT-STS:task_state": ""}"#
        let server = try JSONDecoder().decode(Server.self, from: Data(json.utf8))
        #expect(server.taskState == nil)
        #expect(server.hasSettledAfterReinstall)
    }

    @Test func aJobStatusThisVersionDoesNotKnowIsKeptAsSent() throws {
        let json = #"{"job_id": "j", "status": "ROLLING_BACK", "entities": {}}"#
        let job = try JSONDecoder().decode(Job.self, from: Data(json.utf8))
        #expect(job.status == .other("ROLLING_BACK"))
        #expect(job.status.rawValue == "ROLLING_BACK")
        #expect(!job.status.isFinished)
        let again = try JSONDecoder().decode(Job.self, from: JSONEncoder().encode(job))
        #expect(again.status == .other("ROLLING_BACK"))
        let missing = try JSONDecoder().decode(Job.self, from: Data(#"{"job_id": "j"}"#.utf8))
        #expect(missing.status == .unknown)
        #expect(Job.Status(rawValue: "SUCCESS") == .success)
    }

    @Test func aServerStatusThisVersionDoesNotKnowIsKeptAsSentAndWrittenBackUnchanged() throws {
        let json = #"{"id": "s", "status": "HIBERNATING"}"#
        let server = try JSONDecoder().decode(Server.self, from: Data(json.utf8))
        #expect(server.status == .other("HIBERNATING"))
        #expect(server.statusText == "HIBERNATING")
        #expect(!server.isRunning)
        let written = try JSONEncoder().encode(server)
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect(object["status"] as? String == "HIBERNATING")
        #expect(try JSONDecoder().decode(Server.self, from: written).status == .other("HIBERNATING"))
        let missing = try JSONDecoder().decode(Server.self, from: Data(#"{"id": "s"}"#.utf8))
        #expect(missing.status == .unknown)
        #expect(missing.status.rawValue == "UNKNOWN")
    }

    /// Every status the API reference lists is known, and spelled back as the cloud spells it.
    @Test(arguments: [
        "ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PAUSED", "REBOOT", "REBUILD", "RESIZE",
        "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED", "SUSPENDED", "UNKNOWN",
        "VERIFY_RESIZE",
    ])
    func aDocumentedServerStatusIsKnownAndRoundTrips(text: String) throws {
        let status = ServerStatus(rawValue: text)
        if case .other = status { Issue.record("\(text) is documented, so it must be a known case") }
        #expect(status.rawValue == text)
        #expect("\(status)" == text)
        let server = try JSONDecoder().decode(Server.self, from: Data(#"{"id": "s", "status": "\#(text)"}"#.utf8))
        #expect(server.status == status)
    }

    @Test func malformedJSONIsATypedError() async throws {
        struct Canned: HTTPTransport {
            func send(_ request: SignedRequest) async throws -> HTTPReply {
                HTTPReply(status: 200, headers: ["X-Request-Id": "abc"], body: Data(#"{"count": 1, "servers": [{"#.utf8))
            }
        }
        let client = CloudClient(
            credentials: Credentials(accessKey: "AK", secretKey: "SK"),
            endpoints: Endpoints(region: "cn-north-4"), projectId: "p", transport: Canned())
        await #expect {
            _ = try await client.listServers(page: 1)
        } throws: { error in
            guard case .malformedResponse(_, _, let requestId) = error as? CloudError else { return false }
            return requestId == "abc"
        }
    }

    @Test func reinstallBodyIsTheSpecShape() throws {
        let request = ReinstallRequest(keyName: "KeyPair-350b", userId: "7e25", withStopServer: true)
        let body = String(decoding: try request.encodedBody(), as: UTF8.self)
        #expect(body == #"{"os-reinstall":{"keyname":"KeyPair-350b","mode":"withStopServer","userid":"7e25"}}"#)
        let back = try ReinstallRequest.decode(Data(body.utf8))
        #expect(back == request)
    }

    @Test func jobDecodesSubJobsAndFailure() throws {
        let json = #"""
        {"status":"FAIL","job_id":"j1","job_type":"rebuildServer","begin_time":"2025-01-01T08:00:00.000Z",
         "error_code":"Ecs.1002","fail_reason":"timeout",
         "entities":{"server_id":"s1","sub_jobs_total":1,"sub_jobs":[{"status":"FAIL","job_id":"j2",
           "entities":{"server_id":"s1","errorcode_message":"OpenStack timeout"}}]}}
        """#
        let job = try JSONDecoder().decode(Job.self, from: Data(json.utf8))
        #expect(job.status == .fail)
        #expect(job.errorCode == "Ecs.1002")
        #expect(job.entities?.subJobs?.first?.errorcodeMessage == "OpenStack timeout")
    }
}
