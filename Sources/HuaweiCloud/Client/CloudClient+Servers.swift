import Foundation

/// Listing, reading and stopping servers (huawei-ecs-api.md §3, §9).
extension CloudClient {
    /// The API's largest page.
    public static let maximumPageSize = 1000

    /// The page size the TUI and the commands list with: the size the API reference recommends
    /// for big accounts, small enough that the first rows come quickly.
    public static let listingPageSize = 100

    /// How many pages a listing fetches at once: a 2,000-server account (20 pages of 100) is then
    /// loaded in three round trips after the first page. Throttling (429) is retried as any read.
    public static let listingConcurrency = 8

    /// One page of servers. `page` is a page number from 1, as the API's `offset` is; `limit` is 1…1000.
    /// It covers `enterpriseProjects` and leaves bare metal servers out (`not-tags=__type_baremetal`):
    /// they are reinstalled through the BMS API, not ECS.
    public func listServers(page: Int, limit: Int = 100, name: String? = nil) async throws -> ServerPage {
        try Self.checkPage(page, limit: limit)
        var query = [("offset", String(page)), ("limit", String(limit))]
        if let name, !name.isEmpty { query.append(("name", name)) }
        query.append(("enterprise_project_id", enterpriseProjects.queryValue))
        query.append(("not-tags", Server.bareMetalTag))
        do {
            return try await get(.ecs, "/v1/\(projectId)/cloudservers/detail", query: query, what: "the server list")
        } catch let CloudError.api(status, code, message, requestId) where status == 403 {
            // Say which enterprise projects were asked for: a user authorised per enterprise
            // project is refused the ones not granted.
            throw CloudError.api(status: status, code: code,
                                 message: "\(message) (listing the servers of \(enterpriseProjects))",
                                 requestId: requestId)
        }
    }

    /// Every server, page by page, each page handed over as soon as it is in order, so the first
    /// rows can be shown while the rest load.
    ///
    /// Page `fromPage` (1 unless a listing that stopped part-way is resumed) comes first and gives
    /// `count`; then up to `maxConcurrentRequests` further pages are
    /// fetched at once (each a GET, retried as any read). Pages are delivered in page order. It stops
    /// after a short page or once `count` servers (the latest count seen) have been delivered. A server
    /// seen on an earlier page is dropped from later ones (pages shift if servers come and go meanwhile),
    /// so a delivered page may hold fewer servers than its size. Cancelling the consumer stops the fetches.
    public func allServers(
        pageSize: Int = listingPageSize, name: String? = nil, maxConcurrentRequests: Int = listingConcurrency,
        fromPage: Int = 1
    ) -> AsyncThrowingStream<ServerPage, Error> {
        let (stream, continuation) = AsyncThrowingStream<ServerPage, Error>.makeStream()
        let task = Task { [self] in
            do {
                try await deliverAllServers(
                    pageSize: pageSize, name: name, concurrency: max(1, maxConcurrentRequests), fromPage: fromPage
                ) { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    public func showServer(id: String) async throws -> Server {
        let wrapper: ServerWrapper = try await get(.ecs, serverPath(id), what: "the server")
        return wrapper.server
    }

    /// `GET` of one server, and of one job: read both by `showServer`/`job` and by the paced reads.
    func serverPath(_ id: String) -> String { "/v1/\(projectId)/cloudservers/\(PercentEncoding.encode(id))" }
    func jobPath(_ id: String) -> String { "/v1/\(projectId)/jobs/\(PercentEncoding.encode(id))" }

    /// `{"server": {…}}`.
    struct ServerWrapper: Decodable { var server: Server }

    /// Stops a server (`os-stop`, `SOFT` by default) and returns the job id to poll. Like every
    /// write, never repeated: after a failure, read the server to see whether it is stopping.
    public func stopServer(id: String, type: StopServerRequest.StopType = .soft) async throws -> String {
        let body = try StopServerRequest(serverIds: [id], type: type).encodedBody()
        let response = try await send(.ecs, "POST", "/v1/\(projectId)/cloudservers/action", body: body,
                                      project: true, retry: .none)
        let reference: JobReference = try decode(response, what: "the stop request")
        return reference.jobId
    }

    static func checkPage(_ page: Int, limit: Int) throws {
        guard page >= 1 else {
            throw CloudError.configuration("Server pages are numbered from 1 (asked for page \(page)).")
        }
        guard (1...maximumPageSize).contains(limit) else {
            throw CloudError.configuration(
                "A server page holds 1 to \(maximumPageSize) servers (asked for \(limit)). Use a page size in that range.")
        }
    }

    private func deliverAllServers(
        pageSize: Int, name: String?, concurrency: Int, fromPage: Int, deliver: @Sendable (ServerPage) -> Void
    ) async throws {
        try Self.checkPage(fromPage, limit: pageSize)
        var seen = Set<String>()
        let first = try await listServers(page: fromPage, limit: pageSize, name: name)
        deliver(ServerPage(count: first.count, servers: first.servers.filter { seen.insert($0.id).inserted }))
        var schedule = PageSchedule(pageSize: pageSize, concurrency: concurrency, first: first, number: fromPage)
        guard !schedule.isFinished else { return }

        try await withThrowingTaskGroup(of: (Int, Result<ServerPage, any Error>).self) { group in
            for number in schedule.pagesToFetch() {
                group.addTask { (number, await self.fetchPage(number, pageSize: pageSize, name: name)) }
            }
            while let (number, result) = try await group.next() {
                schedule.arrived(page: number, result)
                while let page = try schedule.nextInOrder() {
                    deliver(ServerPage(count: page.count, servers: page.servers.filter { seen.insert($0.id).inserted }))
                }
                if schedule.isFinished {
                    group.cancelAll()
                    return
                }
                for number in schedule.pagesToFetch() {
                    group.addTask { (number, await self.fetchPage(number, pageSize: pageSize, name: name)) }
                }
            }
        }
    }

    private func fetchPage(_ number: Int, pageSize: Int, name: String?) async -> Result<ServerPage, any Error> {
        do {
            return .success(try await listServers(page: number, limit: pageSize, name: name))
        } catch {
            return .failure(error)
        }
    }
}

/// Which pages to fetch and deliver after the first one asked for: at most `concurrency` in flight, at most
/// `2 × concurrency` pages ahead of the next one to deliver, delivered strictly in order, up to the
/// latest `count` or the first short page. A failed page is raised once the pages before it are out.
struct PageSchedule {
    let pageSize: Int
    let concurrency: Int
    private(set) var total: Int
    private(set) var delivered: Int
    private(set) var isFinished: Bool
    private var nextToFetch: Int
    private var nextToDeliver: Int
    private var inFlight = 0
    private var arrived: [Int: Result<ServerPage, any Error>] = [:]
    /// A ceiling, so a count that keeps growing cannot keep the listing going for ever.
    static let maximumServers = 100_000

    /// - Parameter number: the first page's number; the pages before it count as delivered.
    init(pageSize: Int, concurrency: Int, first: ServerPage, number: Int) {
        self.pageSize = pageSize
        self.concurrency = max(1, concurrency)
        nextToFetch = number + 1
        nextToDeliver = number + 1
        total = first.count
        delivered = (number - 1) * pageSize + first.servers.count
        isFinished = first.servers.count < pageSize || delivered >= total
    }

    private var lastPage: Int { min((total + pageSize - 1) / pageSize, Self.maximumServers / pageSize + 1) }

    /// The page numbers to request now.
    mutating func pagesToFetch() -> [Int] {
        var pages: [Int] = []
        while !isFinished, inFlight < concurrency, nextToFetch <= lastPage, nextToFetch < nextToDeliver + 2 * concurrency {
            pages.append(nextToFetch)
            nextToFetch += 1
            inFlight += 1
        }
        return pages
    }

    mutating func arrived(page: Int, _ result: Result<ServerPage, any Error>) {
        inFlight -= 1
        arrived[page] = result
    }

    /// The next page in order when it has arrived; throws its error when it failed.
    mutating func nextInOrder() throws -> ServerPage? {
        guard !isFinished, let result = arrived.removeValue(forKey: nextToDeliver) else { return nil }
        let page = try result.get()
        nextToDeliver += 1
        delivered += page.servers.count
        total = page.count
        if page.servers.count < pageSize || delivered >= total || nextToDeliver > lastPage {
            isFinished = true
        }
        return page
    }
}
