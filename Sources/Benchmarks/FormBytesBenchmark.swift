import Foundation

/// Bytes written to the terminal per keystroke in the password field, with the checklist
/// re-evaluated each time: ncurses should send only the changed cells (a bullet, a count, a mark).
let formBytesBenchmark = Benchmark(name: "form keystroke (terminal bytes per key in the password field)") { quick in
    let harness = try TerminalHarness(arguments: ["--demo"])
    try await harness.waitFor("web-01")
    try harness.send("g", "Enter")
    try await harness.waitFor("endpoint decided")
    try harness.send("Space", "Tab")  // key pair → password, then into the password field
    try await harness.waitFor("(now 0)")
    let typed = Array("Xk7#pQ2v9!Lm-Zr8@Wt3$Bn6")
    let keystrokes = quick ? 8 : typed.count
    try await Task.sleep(for: .milliseconds(300))  // let the form's first frame go out
    let (bytes, cpu) = try await harness.measure {
        for (index, character) in typed.prefix(keystrokes).enumerated() {
            try harness.send("-l", String(character))
            // Each key is drawn before the next is sent, so every keystroke is its own frame.
            try await harness.waitFor("(now \(index + 1))")
        }
        try await Task.sleep(for: .milliseconds(200))
    }
    return [
        "keystrokes: \(keystrokes) at 120×35",
        "terminal output: \(bytes / keystrokes) bytes per keystroke",
        "CPU of the app per keystroke (incl. terminal I/O): \(milliseconds(cpu / keystrokes))",
    ]
}
