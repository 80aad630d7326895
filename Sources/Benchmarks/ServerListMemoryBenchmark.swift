import App
import Foundation

/// What the TUI keeps in memory for a large account: measured in its own process (the simulator
/// runs apart), once the first row shows and once every server is loaded.
let serverListMemoryBenchmark = Benchmark(name: "server list: resident memory with 10,000 servers") { quick in
    let count = quick ? 2_000 : 10_000
    let simulator = try await SimulatorProcess(servers: count, latencyMs: 0)
    let terminal = try simulator.terminal()
    try await terminal.waitFor("web-01", timeout: .seconds(60))
    let atFirstRow = terminal.residentMemory
    try await terminal.waitFor(" \(grouped(count)) servers", timeout: .seconds(120))
    try await terminal.waitForQuiet()
    let loaded = terminal.residentMemory
    return [
        "servers: \(count), terminal 120×35",
        "resident memory of the TUI: \(mebibytes(atFirstRow)) at the first row, \(mebibytes(loaded)) with all loaded",
    ]
}

