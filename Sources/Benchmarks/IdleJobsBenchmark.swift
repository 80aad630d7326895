import Foundation

/// With three jobs running and nothing typed: the CPU the program uses and the bytes it writes
/// to the terminal per second (only the changing cells should go out: elapsed times, statuses).
let idleJobsBenchmark = Benchmark(name: "idle with 3 jobs running (CPU, terminal bytes per second)") { quick in
    let harness = try TerminalHarness(arguments: ["--demo", "--demo-job-seconds", "3600"])
    try await harness.waitFor("web-01")
    // Three servers with a key pair of their own: open each form and submit its defaults (that key).
    for (downs, name) in [(0, "web-01"), (1, "web-02"), (6, "build-runner")] {
        try harness.send("g")
        for _ in 0..<downs { try harness.send("Down") }
        try harness.send("Enter")
        try await harness.waitFor("endpoint decided")
        // From the login, Shift-Tab twice wraps to the button (Down would move in the key pair list).
        try harness.send("BTab")
        try harness.send("BTab")
        try harness.send("Enter")
        try await harness.waitFor("Type the name or the id")
        try harness.send("-l", name)  // the typed confirmation
        try harness.send("Enter")
        try await harness.waitFor("submitted via")
    }
    try await Task.sleep(for: .seconds(2))  // let the burst of the submissions pass
    let seconds = quick ? 3 : 30
    let (bytes, cpu) = try await harness.measure { try await Task.sleep(for: .seconds(seconds)) }
    return [
        "measured over \(seconds) s at 120×35",
        "terminal output: \(bytes / seconds) bytes/s",
        "CPU: \(milliseconds(cpu / seconds)) per second",
    ]
}
