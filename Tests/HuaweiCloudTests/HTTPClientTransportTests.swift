import Foundation
import HTTPTypes
import Testing

@testable import HuaweiCloud

/// The real HTTP stack against listeners on loopback: what goes to a proxy, what goes direct, and
/// how a failure is classified (never sent, or may have been processed). A hang fails the suite.
@Suite(.timeLimit(.minutes(1)))
struct HTTPClientTransportTests {
    private func request(_ url: String, method: HTTPRequest.Method = .get) throws -> SignedRequest {
        let target = try #require(URL(string: url))
        var head = HTTPRequest(method: method, scheme: target.scheme, authority: nil, path: nil)
        head.url = target
        head.headerFields[.contentType] = "application/json"
        return SignedRequest(head: head, body: method == .post ? Data("{}".utf8) : Data())
    }

    private let fast = HTTPClientTransport.Timeouts(connect: .seconds(5), read: .seconds(5), write: .seconds(5))

    @Test func anHTTPSRequestGoesThroughTheProxysTunnelAndARefusedTunnelMeansNeverSent() async throws {
        let proxy = try RecordingListener(reply: "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
        defer { proxy.stop() }
        let transport = HTTPClientTransport(
            timeouts: fast, environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
        do {
            _ = try await transport.send(try request("https://ecs.cn-north-4.myhuaweicloud.com/v1/p/cloudservers/s/reinstallos", method: .post))
            Issue.record("the proxy's refusal was taken for an answer")
        } catch let error as TransportError {
            #expect(error.kind == .proxy, "\(error)")
            #expect(!error.mayHaveReachedServer)
        }
        #expect(proxy.requestLines == ["CONNECT ecs.cn-north-4.myhuaweicloud.com:443 HTTP/1.1"])
    }

    @Test func plainHTTPToAnyLoopbackAddressGoesDirectWhateverProxyIsSet() async throws {
        let proxy = try RecordingListener(reply: "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
        defer { proxy.stop() }
        let target = try RecordingListener(
            address: "127.0.0.2", reply: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        defer { target.stop() }
        let via = "http://127.0.0.1:\(proxy.port)"
        let transport = HTTPClientTransport(timeouts: fast, environment: [
            "HTTPS_PROXY": via, "https_proxy": via, "HTTP_PROXY": via, "http_proxy": via, "ALL_PROXY": via, "all_proxy": via,
        ])
        let reply = try await transport.send(try request("http://127.0.0.2:\(target.port)/v1/p/jobs/j"))
        #expect(reply.status == 200)
        #expect(proxy.requestLines.isEmpty, "the proxy saw \(proxy.requestLines)")
        #expect(target.requestLines == ["GET /v1/p/jobs/j HTTP/1.1"])
    }

    @Test func everyRequestNamesTheReleaseInItsUserAgent() async throws {
        let target = try RecordingListener(reply: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        defer { target.stop() }
        let transport = HTTPClientTransport(timeouts: fast, proxies: .direct)
        _ = try await transport.send(try request("http://127.0.0.1:\(target.port)/v1/p/jobs/j"))
        _ = try await transport.send(try request("http://127.0.0.1:\(target.port)/v1/p/cloudservers/s/reinstallos", method: .post))
        let agents = target.requestHeaders.map { head in
            head.filter { $0.lowercased().hasPrefix("user-agent:") }
        }
        #expect(agents == [["User-Agent: ecs-reinstall/\(ReleaseVersion.current)"], ["User-Agent: ecs-reinstall/\(ReleaseVersion.current)"]],
                "\(target.requestHeaders)")
        #expect(ReleaseVersion.current.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil)
    }

    @Test func aRefusedConnectionNeverReachedTheServer() async throws {
        let transport = HTTPClientTransport(timeouts: fast, proxies: .direct)
        do {
            _ = try await transport.send(try request("http://127.0.0.1:1/v1/p/jobs/j", method: .post))
            Issue.record("port 1 answered")
        } catch let error as TransportError {
            #expect(error.kind == .connectionRefused, "\(error)")
            #expect(!error.mayHaveReachedServer)
        }
    }

    @Test func aConnectionClosedAfterTheRequestSaysSoAndMayHaveReachedTheServer() async throws {
        let silent = try RecordingListener(reply: "")
        defer { silent.stop() }
        let transport = HTTPClientTransport(timeouts: fast, proxies: .direct)
        do {
            _ = try await transport.send(try request("http://127.0.0.1:\(silent.port)/v2/p/cloudservers/s/reinstallos", method: .post))
            Issue.record("an empty answer was taken for one")
        } catch let error as TransportError {
            #expect(error.kind == .connectionLost, "\(error)")
            #expect(error.mayHaveReachedServer)
            #expect(error.detail.contains("the connection closed after the request was sent"))
        }
        #expect(silent.requestLines.count == 1)
    }

    @Test func aProxyVariableThatCannotBeUsedFailsBeforeSending() async throws {
        let transport = HTTPClientTransport(timeouts: fast, environment: ["HTTPS_PROXY": "https://user:pw1234@proxy:3128"])
        await #expect(throws: CloudError.self) {
            _ = try await transport.send(try request("https://ecs.cn-north-4.myhuaweicloud.com/v1"))
        }
    }

    @Test func anAnswerThatStallsAfterItsHeadEndsAtTheDeadline() async throws {
        let stalling = try RecordingListener(
            reply: "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{", hold: true)
        defer { stalling.stop() }
        let transport = HTTPClientTransport(
            timeouts: .init(connect: .seconds(5), read: .milliseconds(300), write: .seconds(5)), proxies: .direct)
        do {
            _ = try await transport.send(try request("http://127.0.0.1:\(stalling.port)/v1/p/jobs/j"))
            Issue.record("a stalled answer was taken for one")
        } catch let error as TransportError {
            #expect(error.kind == .timedOut, "\(error)")
            #expect(error.mayHaveReachedServer)
        }
    }

    @Test func cancellingARequestNeitherBlocksTheCancellerNorWaitsForTheDeadline() async throws {
        // A listener that never answers: the request waits until it is cancelled.
        let hanging = try RecordingListener(reply: nil)
        defer { hanging.stop() }
        let transport = HTTPClientTransport(timeouts: .standard, proxies: .direct)
        let request = try request("http://127.0.0.1:\(hanging.port)/v1/p/jobs/j")
        let task = Task { try await transport.send(request) }
        while hanging.requestLines.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let start = ContinuousClock.now
        // The cancellation handlers run inside cancel(): URLSession's could block right here.
        task.cancel()
        let cancelled = ContinuousClock.now
        let result = await task.result
        // Generous bounds for a loaded machine, far below the 30 s the request would otherwise wait.
        #expect(cancelled - start < .seconds(2))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
