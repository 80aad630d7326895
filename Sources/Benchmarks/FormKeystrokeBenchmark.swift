import App
import Foundation
import HuaweiCloud
import TerminalKit

/// CPU per keystroke in the password field: reduce (with the live checklist) plus render.
let formKeystrokeBenchmark = Benchmark(name: "form keystroke (reduce + checklist + render)") { quick in
    var state = passwordForm()
    let keystrokes = quick ? 200 : 20_000
    let typed = Array("Xk7#pQ2v9!Lm-Zr8@Wt3$Bn6")
    var screens = 0
    let measured = Measurement.of {
        for i in 0..<keystrokes {
            // Type, and erase when the field is full, so the checklist changes every time.
            let key: Key = i % 25 == 24 ? .clearLine : .character(typed[i % 25 % typed.count])
            _ = reduce(&state, .key(key))
            screens += render(state).height
        }
    }
    let perKey = measured.cpu / keystrokes
    return [
        "keystrokes: \(keystrokes)",
        "CPU per keystroke: \(milliseconds(perKey))",
        "wall total: \(milliseconds(measured.wall))",
    ]
}
