import Foundation
import Synchronization
import Testing

@testable import HuaweiCloud

/// `allServers` hands pages over in order as they arrive and stops at `count` or a short page.
struct ServerListingTests {
    /// A fake account of `total` servers answering by page number; `countReported` overrides `count`.
    static func account(total: Int, countReported: Int? = nil, shortAt: Int? = nil, failAt: Int? = nil) -> RoutedTransport {
        RoutedTransport { request in
            let items = URLComponents(url: request.sentURL, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let page = Int(items.first { $0.name == "offset" }?.value ?? "") ?? 0
            let limit = Int(items.first { $0.name == "limit" }?.value ?? "") ?? 0
            if page == failAt { return .json(400, #"{"error":{"code":"Ecs.0005","message":"bad page"}}"#) }
            let lower = min((page - 1) * limit, total)
            var ids = Array(lower..<max(lower, min(page * limit, total)))
            if page == shortAt { ids = Array(ids.prefix(limit / 2)) }
            let servers = ids.map { #"{"id":"s\#($0)","name":"n\#($0)","status":"ACTIVE"}"# }.joined(separator: ",")
            return .json(200, #"{"count":\#(countReported ?? total),"servers":[\#(servers)]}"#)
        }
    }

    private func collect(_ stream: AsyncThrowingStream<ServerPage, Error>) async throws -> [ServerPage] {
        var pages: [ServerPage] = []
        for try await page in stream { pages.append(page) }
        return pages
    }

    @Test(arguments: [(250, 100, [100, 100, 50], 3), (200, 100, [100, 100], 2), (0, 100, [0], 1), (99, 100, [99], 1),
                      (2000, 1000, [1000, 1000], 2), (1, 1, [1], 1)])
    func pagesArriveInOrderAndNoPageIsFetchedPastTheCount(total: Int, size: Int, sizes: [Int], requests: Int) async throws {
        for concurrency in [1, 4] {
            let transport = Self.account(total: total)
            let pages = try await collect(Fixture.client(transport).allServers(pageSize: size, maxConcurrentRequests: concurrency))
            #expect(pages.map(\.servers.count) == sizes)
            #expect(pages.flatMap(\.servers).map(\.id) == (0..<total).map { "s\($0)" })
            #expect(transport.requests.count == requests)
        }
    }

    @Test func aShortPageEndsTheListingEvenIfTheCountSaysMore() async throws {
        let transport = Self.account(total: 500, shortAt: 2)
        let pages = try await collect(Fixture.client(transport).allServers(pageSize: 100, maxConcurrentRequests: 1))
        #expect(pages.map(\.servers.count) == [100, 50])
        #expect(transport.requests.count == 2)
    }

    @Test func serversRepeatedOnALaterPageAreDroppedOnce() async throws {
        // Page 2 repeats page 1's last server, as happens when a server is deleted mid-listing.
        let transport = RoutedTransport { request in
            let second = request.sentURL.query?.contains("offset=2") == true
            let ids = second ? ["b", "c"] : ["a", "b"]
            let servers = ids.map { #"{"id":"\#($0)","status":"ACTIVE"}"# }.joined(separator: ",")
            return .json(200, #"{"count":4,"servers":[\#(servers)]}"#)
        }
        let pages = try await collect(Fixture.client(transport).allServers(pageSize: 2, maxConcurrentRequests: 1))
        #expect(pages.flatMap(\.servers).map(\.id) == ["a", "b", "c"])
    }

    @Test func anErrorEndsTheStreamAfterThePagesBeforeIt() async {
        let transport = Self.account(total: 500, failAt: 3)
        var received: [Int] = []
        await #expect(throws: CloudError.self) {
            for try await page in Fixture.client(transport, retry: .none).allServers(pageSize: 100, maxConcurrentRequests: 2) {
                received.append(page.servers.count)
            }
        }
        #expect(received == [100, 100])
    }

    @Test func theFirstPageIsDeliveredBeforeTheOthersAreAnswered() async throws {
        let gate = Gate()
        let account = Self.account(total: 300)
        let transport = GatedTransport(gate: gate, account: account)
        var iterator = Fixture.client(transport).allServers(pageSize: 100).makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.servers.count == 100)
        #expect(!gate.isOpen)
        gate.open()
        var rest = 0
        while let page = try await iterator.next() { rest += page.servers.count }
        #expect(rest == 200)
    }

    @Test(arguments: [0, -1, 1001])
    func pageSizesOutsideOneToAThousandAreRefusedWithoutARequest(size: Int) async {
        let transport = Self.account(total: 10)
        await #expect(throws: CloudError.self) { _ = try await Fixture.client(transport).listServers(page: 1, limit: size) }
        await #expect(throws: CloudError.self) { _ = try await collect(Fixture.client(transport).allServers(pageSize: size)) }
        await #expect(throws: CloudError.self) { _ = try await Fixture.client(transport).listServers(page: 0, limit: 10) }
        #expect(transport.requests.isEmpty)
    }

    @Test func theQueryIsPageNumberLimitNameEnterpriseProjectsAndNoBareMetal() async throws {
        let transport = Self.account(total: 3)
        _ = try await Fixture.client(transport).listServers(page: 2, limit: 1000, name: "web 01")
        #expect(transport.requests.first?.sentURL.query
                == "enterprise_project_id=all_granted_eps&limit=1000&name=web%2001&not-tags=__type_baremetal&offset=2")
    }
}

/// Holds every answer but page 1's until opened (at most 5 s, so a bug cannot hang the suite).
final class Gate: Sendable {
    private let state = Mutex(false)
    var isOpen: Bool { state.withLock { $0 } }
    func open() { state.withLock { $0 = true } }
    func wait() async {
        let deadline = ContinuousClock.now + .seconds(5)
        while !isOpen, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(1)) }
    }
}

struct GatedTransport: HTTPTransport {
    let gate: Gate
    let account: RoutedTransport

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        if request.sentURL.query?.contains("offset=1&") != true && request.sentURL.query?.hasSuffix("offset=1") != true {
            await gate.wait()
        }
        return try account.route(request)
    }
}
