import CloudSimulator
import Foundation
import HuaweiCloud
import Synchronization

/// Listing a large account through the real client (its HTTP stack, signing, JSON) from the simulator
/// on loopback with 50 ms of injected latency per request, as a far region would add: the time
/// until the first page is handed over, the time until all are, and the requests it took.
let clientListBenchmark = Benchmark(name: "client list (2,000 servers, 50 ms latency per request)") { quick in
    let total = quick ? 200 : 2000
    let configuration = SimulatorConfiguration(latency: .milliseconds(50))
    let simulator = CloudSimulator(configuration: configuration,
                                   dataSet: .generated(servers: total, seed: 0x5EED))
    let url = try await simulator.start(port: 0)
    do {
        let lines = try await measureListing(simulator: simulator, url: url)
        await simulator.stop()
        return lines
    } catch {
        await simulator.stop()
        throw error
    }
}

private func measureListing(simulator: CloudSimulator, url: URL) async throws -> [String] {
    let configuration = simulator.configuration
    let transport = CountingTransport(base: HTTPClientTransport())
    // The project is given, so no IAM lookup is counted.
    let client = CloudClient(
        credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey,
                                 projectId: configuration.projectId),
        endpoints: Endpoints(region: configuration.region, override: url), projectId: configuration.projectId,
        transport: transport)

    var lines: [String] = []
    for (pageSize, concurrency) in [(100, 1), (100, 4), (100, CloudClient.listingConcurrency), (1000, 1), (1000, 2)] {
        transport.reset()
        let start = ContinuousClock.now
        var firstPage: Duration?
        var servers = 0
        for try await page in client.allServers(pageSize: pageSize, maxConcurrentRequests: concurrency) {
            if firstPage == nil { firstPage = ContinuousClock.now - start }
            servers += page.servers.count
        }
        let all = ContinuousClock.now - start
        lines.append(
            "page size \(pageSize), \(concurrency) in flight: first page \(milliseconds(firstPage ?? all)), "
                + "all \(servers) servers \(milliseconds(all)), \(transport.count) requests")
    }
    return lines
}

/// Forwards to another transport and counts the requests.
private final class CountingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let requests = Mutex(0)

    init(base: any HTTPTransport) { self.base = base }

    var count: Int { requests.withLock { $0 } }
    func reset() { requests.withLock { $0 = 0 } }

    func send(_ request: SignedRequest) async throws -> HTTPReply {
        requests.withLock { $0 += 1 }
        return try await base.send(request)
    }
}
