import Foundation

/// How soon Esc takes effect: curses must wait a moment after ESC to tell a lone Esc from the
/// start of an arrow key's sequence; the app sets that wait to 25 ms (the goal is under 50 ms).
/// Measured from sending the key to the first byte of the redrawn screen, beside a letter typed
/// into the filter, which has no such wait: the difference is what Esc costs.
let escapeReactionBenchmark = Benchmark(name: "escape reaction (Esc closes the filter)") { quick in
    let terminal = try TerminalHarness(arguments: ["--demo"])
    try await terminal.waitFor("12 servers")
    let rounds = quick ? 3 : 20
    var letters: [Duration] = [], escapes: [Duration] = []
    for _ in 0..<rounds {
        try terminal.send("/")
        try await terminal.waitFor("12 matches")
        try await terminal.waitForQuiet(.milliseconds(100))
        letters.append(try await reaction(of: ["-l", "z"], in: terminal))
        try await terminal.waitFor("no match")
        try await terminal.waitForQuiet(.milliseconds(100))
        escapes.append(try await reaction(of: ["Escape"], in: terminal))
        try await terminal.waitFor("12 servers")
    }
    return [
        "rounds: \(rounds); times include tmux passing the key in and the output out",
        "a letter → screen changes: median \(milliseconds(median(letters)))",
        "Esc → screen changes: median \(milliseconds(median(escapes))), worst \(milliseconds(escapes.max() ?? .zero))",
    ]
}

/// Time from sending `keys` until the program writes to its terminal.
private func reaction(of keys: [String], in terminal: TerminalHarness) async throws -> Duration {
    let before = terminal.bytesWritten
    let sent = ContinuousClock.now
    try terminal.send(keys)
    while terminal.bytesWritten == before {
        guard ContinuousClock.now - sent < .seconds(5) else { throw HarnessError("\(keys) changed nothing") }
        try await Task.sleep(for: .milliseconds(1))
    }
    return ContinuousClock.now - sent
}

private func median(_ values: [Duration]) -> Duration {
    values.isEmpty ? .zero : values.sorted()[values.count / 2]
}
