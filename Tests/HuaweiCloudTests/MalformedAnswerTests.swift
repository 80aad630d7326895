import Foundation
import Testing

@testable import HuaweiCloud

/// Whatever comes back, the client answers with a value or a typed error, never a crash.
struct MalformedAnswerTests {
    static let bodies: [(String, String)] = [
        ("empty", ""),
        ("truncated", #"{"count": 3, "servers": [{"id": "s1", "name": "#),
        ("null", "null"),
        ("an array", "[1, 2, 3]"),
        ("a string", #""ok""#),
        ("servers of the wrong type", #"{"count": 1, "servers": {"id": "s1"}}"#),
        ("a server without an id", #"{"count": 1, "servers": [{"name": "web"}]}"#),
        ("an HTML page", "<!DOCTYPE html><html><head><title>Login</title></head><body>proxy login</body></html>"),
        ("invalid UTF-8", "\u{FFFD}"),
        ("binary", "\u{0}\u{1}\u{2}"),
    ]

    @Test(arguments: bodies)
    func aServerListThatCannotBeReadIsATypedError(name: String, body: String) async {
        let transport = ScriptedTransport([.json(200, body)])
        await #expect {
            _ = try await Fixture.client(transport).listServers(page: 1)
        } throws: { error in
            guard case let .malformedResponse(what, _, requestId) = error as? CloudError else { return false }
            return what == "the server list" && requestId == "req-1"
        }
    }

    @Test(arguments: bodies)
    func everyOtherCallAnswersAValueOrACloudError(name: String, body: String) async {
        let client = Fixture.client(RoutedTransport { _ in .json(200, body) }, retry: .none)
        /// True when the call returned, or threw the client's own error type (never a DecodingError).
        func typed(_ call: () async throws -> Void) async -> Bool {
            do {
                try await call()
                return true
            } catch {
                return error is CloudError
            }
        }
        #expect(await typed { _ = try await client.showServer(id: "s1") })
        #expect(await typed { _ = try await client.job(id: "j1") })
        #expect(await typed { _ = try await client.image(id: "i1") })
        #expect(await typed { _ = try await client.keypairs() })
        #expect(await typed { _ = try await client.userId() })
        #expect(await typed { _ = try await client.stopServer(id: "s1") })
        #expect(await typed {
            _ = try await client.reinstall(serverId: "s1", api: .v2, request: ReinstallRequest(keyName: "k", userId: "u"))
        })
        let outcome = await client.reinstallSafely(serverId: "s1", api: .v2, request: ReinstallRequest(keyName: "k", userId: "u"))
        #expect(outcome.jobId == nil, "none of these bodies holds a job id")
    }

    @Test func wrongTypesInOptionalFieldsAreIgnoredAndNumbersAsStringsRead() throws {
        let json = #"""
        {"count": "2", "servers": [
          {"id": "s1", "name": 42, "status": "ACTIVE", "OS-EXT-STS:task_state": 7, "locked": "yes",
           "flavor": {"id": 1, "ram": "4096", "vcpus": 2}, "metadata": {"os_type": "Linux", "n": 1},
           "addresses": "none", "os-extended-volumes:volumes_attached": [{"id": "v", "bootIndex": "0"}],
           "image": "not-an-object", "new_field": {"nested": [1, 2]}},
          {"id": 12345}
        ]}
        """#
        let page = try JSONDecoder().decode(ServerPage.self, from: Data(json.utf8))
        #expect(page.count == 2)
        let first = try #require(page.servers.first)
        #expect(first.name == "42")
        #expect(first.flavor?.ram == "4096")
        #expect(first.flavor?.vcpus == "2")
        #expect(first.addresses.isEmpty)
        #expect(first.hasSystemDisk)
        #expect(!first.locked)
        #expect(first.imageId == nil)
        #expect(page.servers.count == 2)
    }

    @Test func jobAndKeypairShapesAreReadLeniently() throws {
        let job = try JSONDecoder().decode(Job.self, from: Data(#"{"job_id":"j","status":"NEW_STATE","entities":"x"}"#.utf8))
        #expect(job.status == .other("NEW_STATE"), "a status this version does not know is kept as sent")
        #expect(job.entities == nil)
        let keys = try JSONDecoder().decode(KeypairPage.self, from: Data(
            #"{"keypairs":[{"keypair":{"name":"k","frozen_state":"0","is_key_protection":false}}],"page_info":{"next_marker":null}}"#.utf8))
        #expect(keys.keypairs.map(\.keypair.name) == ["k"])
    }

    @Test(arguments: [
        (502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "502 Bad Gateway"),
        (403, "<!DOCTYPE html>\n<html><body>Access denied by proxy</body></html>", "HTML page"),
    ])
    func anHTMLErrorPageIsSummarisedNotQuoted(status: Int, body: String, expected: String) async {
        let transport = ScriptedTransport([.respond(HTTPReply(status: status, headers: ["X-Request-Id": "r-7"], body: Data(body.utf8)))])
        await #expect {
            _ = try await Fixture.client(transport, retry: .none).showServer(id: "s1")
        } throws: { error in
            guard let error = error as? CloudError else { return false }
            return error.code == "HTTP \(status)" && error.message.contains(expected) && error.message.contains("r-7")
                && !error.message.contains("<html")
        }
    }
}

struct ImageLookupTests {
    @Test func onlyTheRequestedImageIsAnswered() async throws {
        let other = #"{"images": [{"id": "other", "name": "someone else's", "__imagetype": "gold"}]}"#
        let client = Fixture.client(RoutedTransport { _ in .json(200, other) }, retry: .none)
        #expect(try await client.image(id: "mine") == nil)
        let mine = #"{"images": [{"id": "x", "name": "x"}, {"id": "mine", "name": "m", "__support_fc_inject": "true"}]}"#
        let found = try await Fixture.client(RoutedTransport { _ in .json(200, mine) }, retry: .none).image(id: "mine")
        #expect(found?.supportFcInject == "true")
    }
}
