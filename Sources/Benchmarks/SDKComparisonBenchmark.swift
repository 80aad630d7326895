import ChildProcess
import CloudSimulator
import Foundation
import HuaweiCloud

/// The listing of a real-sized account as operators meet it: 2,000 servers with the real cloud's
/// details (about 4 KB each), 50 ms per request, enterprise projects and bare metal filtered as on
/// every listing. The client's own listing (pages of 100, several at once), and beside it the
/// official Python SDK's, page by page as its `list_servers_details` goes, at 100 and 1000 a page.
/// The SDK comes from the conformance venv (`Tests/Conformance/run` makes it); without it its
/// figures are skipped, saying why.
let sdkComparisonBenchmark = Benchmark(
    name: "listing vs the Python SDK (2,000 realistic servers, 50 ms latency)"
) { quick in
    let total = quick ? 300 : 2000
    var configuration = SimulatorConfiguration(latency: .milliseconds(50))
    configuration.bareMetalServers = 20
    let simulator = CloudSimulator(configuration: configuration, dataSet: .generated(servers: total, seed: 0x5EED))
    let url = try await simulator.start(port: 0)
    do {
        var lines = try await clientFigures(simulator: simulator, url: url)
        lines += await sdkFigures(simulator: simulator, url: url)
        await simulator.stop()
        return lines
    } catch {
        await simulator.stop()
        throw error
    }
}

private func clientFigures(simulator: CloudSimulator, url: URL) async throws -> [String] {
    let configuration = simulator.configuration
    let client = CloudClient(
        credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey,
                                 projectId: configuration.projectId),
        endpoints: Endpoints(region: configuration.region, override: url), projectId: configuration.projectId)
    // Once untimed: the simulator encodes each server's details once, and the SDK, which runs
    // after, must not be the only one to find them ready.
    for try await _ in client.allServers() {}
    let before = await simulator.receivedRequests().count
    let start = ContinuousClock.now
    var firstRow: Duration?
    var servers = 0
    for try await page in client.allServers() {
        if firstRow == nil, !page.servers.isEmpty { firstRow = ContinuousClock.now - start }
        servers += page.servers.count
    }
    let all = ContinuousClock.now - start
    let requests = await simulator.receivedRequests().count - before
    return ["client (pages of \(CloudClient.listingPageSize), \(CloudClient.listingConcurrency) in flight): "
        + "first row \(milliseconds(firstRow ?? all)), all \(servers) servers \(milliseconds(all)), \(requests) requests"]
}

private func sdkFigures(simulator: CloudSimulator, url: URL) async -> [String] {
    let python = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        .appendingPathComponent(".build/conformance-venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        return ["Python SDK: skipped, no conformance venv at .build/conformance-venv (Tests/Conformance/run makes it)"]
    }
    let configuration = simulator.configuration
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-listing-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("list.py")
        try Data(sdkListingScript.utf8).write(to: script)
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        var environment = ProcessInfo.processInfo.environment
        environment["SIM_URL"] = url.absoluteString
        environment["SIM_AK"] = configuration.accessKey
        environment["SIM_SK"] = configuration.secretKey.reveal()
        environment["SIM_PROJECT_ID"] = configuration.projectId
        environment["SIM_REGION"] = configuration.region
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let pid = try ChildProcess.spawn([python, script.path, "100", "1000"], environment: environment,
                                         stdout: out, stderr: err)
        let status = try await ChildProcess.wait(pid, timeout: .seconds(300))
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            return ["Python SDK: skipped, the script failed (exit \(status)): \(errors.suffix(300))"]
        }
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let limit = object["limit"] as? Int, let first = object["first_ms"] as? Int,
                  let all = object["all_ms"] as? Int, let servers = object["servers"] as? Int,
                  let requests = object["requests"] as? Int
            else { return nil }
            return "Python SDK (pages of \(limit), one at a time): first row \(first) ms, all \(servers) servers "
                + "\(all) ms, \(requests) request\(requests == 1 ? "" : "s")"
        }
    } catch {
        return ["Python SDK: skipped, \(error)"]
    }
}
