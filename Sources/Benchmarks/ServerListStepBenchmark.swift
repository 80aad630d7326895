import App
import Foundation
import ScreenCapture

/// What one step down the list costs on the wire at 120×35 with 10,000 servers loaded: ncurses
/// should send only the two rows whose highlight changed (or a scroll), never a full repaint.
let serverListStepBenchmark = Benchmark(name: "server list: terminal bytes for one step down (120×35)") { quick in
    let count = quick ? 2_000 : 10_000
    let steps = quick ? 10 : 200
    let simulator = try await SimulatorProcess(servers: count, latencyMs: 0)
    let terminal = try simulator.terminal(width: 120, height: 35)
    try await terminal.waitFor(" \(grouped(count)) servers", timeout: .seconds(120))
    try await terminal.waitForQuiet()  // images read ahead for the CLOUD-INIT column redraw rows

    // Each press is drawn before the next, so every step is its own frame; a step either moves the
    // highlight within the page or, at the bottom, scrolls the rows under it.
    var moved: [Int] = [], scrolled: [Int] = []
    var selection = try selectedRow(terminal.screen(escapes: true))
    guard selection.line >= 0 else { throw HarnessError("no row is drawn selected:\n\(try terminal.screen())") }
    for _ in 0..<steps {
        var scroll = false
        let (bytes, _) = try await terminal.measure {
            try terminal.send("j")
            let screen = try await terminal.waitUntil("the highlight to move", escapes: true, interval: .milliseconds(5)) {
                selectedRow($0).name != selection.name
            }
            let next = selectedRow(screen)
            scroll = next.line == selection.line
            selection = next
            try await terminal.waitForQuiet(.milliseconds(30))
        }
        if scroll { scrolled.append(bytes) } else { moved.append(bytes) }
    }
    let (pageBytes, _) = try await terminal.measure {
        try terminal.send("PageDown")
        try await terminal.waitUntil("a page down", escapes: true, interval: .milliseconds(5)) {
            selectedRow($0).name != selection.name
        }
        try await terminal.waitForQuiet(.milliseconds(30))
    }
    return [
        "servers: \(count), steps: \(steps) (j, each drawn before the next)",
        "bytes per step: \(average(moved + scrolled)) on average",
        "  highlight moves within the page: \(average(moved)) (\(moved.count) steps)",
        "  list scrolls one row: \(average(scrolled)) (\(scrolled.count) steps)",
        "bytes for one PgDn: \(pageBytes)",
    ]
}

private func average(_ values: [Int]) -> String {
    values.isEmpty ? "n/a" : "\(values.reduce(0, +) / values.count) B"
}

/// The screen line drawn in reverse video below the header bar (the selection), and its first word.
private func selectedRow(_ escaped: String) -> (line: Int, name: String) {
    for (index, text) in ScreenAttributes.reversedText(escaped).enumerated() where index >= 3 {
        if let name = text.split(separator: " ").first { return (index, String(name)) }
    }
    return (-1, "")
}
