import CloudSimulator
import Foundation
import HuaweiCloud

/// The simulator with 10,000 servers: its resident memory, and the wall time of a list page
/// over loopback HTTP (signed by the client, verified by the simulator), as a client sees it.
let simulatorScaleBenchmark = Benchmark(name: "simulator scale (10k servers: memory, list page)") { quick in
    let count = quick ? 1_000 : 10_000
    let before = residentMemoryBytes()
    var dataSet = SimulatorDataSet(servers: [], images: [], keypairs: [])
    let built = Measurement.of { dataSet = .generated(servers: count, seed: 42) }
    let configuration = SimulatorConfiguration()
    let simulator = CloudSimulator(configuration: configuration, dataSet: dataSet)
    let url = try await simulator.start(port: 0)
    let fetcher = PageFetcher(baseURL: url, configuration: configuration)
    var lines = ["servers: \(count); data set built in \(milliseconds(built.wall))"]
    do {
        let afterStart = residentMemoryBytes()
        // The first listing encodes each server once; later ones copy the cached JSON.
        for (limit, label) in [(100, "first listing"), (100, "cached"), (1000, "cached")] {
            let pages = (count + limit - 1) / limit
            var bytes = 0
            let measured = try await Measurement.of {
                for page in 1...pages { bytes += try await fetcher.page(page, limit: limit) }
            }
            lines.append("page of \(limit), \(label): \(milliseconds(measured.wall / pages)) (\(bytes / pages / 1024) KiB)")
        }
        let filtered = try await Measurement.of {
            for _ in 0..<20 { _ = try await fetcher.page(1, limit: 100, extra: [("name", "web"), ("status", "ACTIVE")]) }
        }
        lines.append("filtered page (name=web, status=ACTIVE): \(milliseconds(filtered.wall / 20))")
        let afterList = residentMemoryBytes()
        lines.append("resident memory: \(mebibytes(before)) before, \(mebibytes(afterStart)) with \(count) servers, \(mebibytes(afterList)) after listing every page")
    } catch {
        await simulator.stop()
        throw error
    }
    await simulator.stop()
    return lines
}


/// A bare signed GET of the list route, so the figures are the simulator's and the transport's,
/// not a client's decoding.
private struct PageFetcher: Sendable {
    var baseURL: URL
    var configuration: SimulatorConfiguration

    struct Failure: Error, CustomStringConvertible {
        var status: Int
        var description: String { "list page answered HTTP \(status)" }
    }

    /// Fetches one page and returns its size in bytes.
    func page(_ page: Int, limit: Int, extra: [(String, String)] = []) async throws -> Int {
        let path = "/v1/\(configuration.projectId)/cloudservers/detail"
        let query = [("offset", String(page)), ("limit", String(limit))] + extra
        let signed = try RequestSigner(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey)
        ).signedRequest(method: "GET", baseURL: baseURL, path: path, query: query, projectId: configuration.projectId,
                        date: Date())
        let reply = try await HTTPClientTransport(proxies: .direct).send(signed)
        guard reply.status == 200 else { throw Failure(status: reply.status) }
        return reply.body.count
    }
}
