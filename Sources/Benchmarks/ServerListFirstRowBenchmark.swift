import App
import Foundation

/// How soon an operator sees servers in a large account over a slow link: the first row comes
/// with the first page, while the rest stream in behind it (100 a page, 4 pages at a time).
let serverListFirstRowBenchmark = Benchmark(name: "server list: time to first row (2,000 servers, 50 ms latency)") { quick in
    let count = quick ? 500 : 2_000
    let simulator = try await SimulatorProcess(servers: count, latencyMs: 50)
    let start = ContinuousClock.now
    let terminal = try simulator.terminal()
    try await terminal.waitFor("web-01", timeout: .seconds(60))
    let firstRow = ContinuousClock.now - start
    try await terminal.waitFor(" \(grouped(count)) servers", timeout: .seconds(120))
    let allRows = ContinuousClock.now - start
    return [
        "servers: \(count), 50 ms added to every reply, terminal 120×35 (screen polled every 20 ms)",
        "launch → first row (web-01) on screen: \(milliseconds(firstRow))",
        "launch → all \(count) loaded: \(milliseconds(allRows))",
    ]
}
