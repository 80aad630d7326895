import App
import Foundation
import HuaweiCloud
import TerminalKit

/// CPU per keystroke in the password field: reduce (with the live checklist) plus render.
let formKeystrokeBenchmark = Benchmark(name: "form keystroke (reduce + checklist + render)") { quick in
    let server = Server(
        id: "s1", name: "win-ad-01", status: "SHUTOFF", imageId: "img",
        metadata: ["os_type": "Windows", "image_name": "win2019"],
        volumesAttached: [.init(id: "v", bootIndex: "0", device: "/dev/vda")])
    let image = Image(id: "img", name: "win2019", imageType: "private", osType: "Windows", supportFcInject: "true")
    var state = AppState(mode: .demo, region: "r", projectId: "p", userId: "u",
                         size: TerminalSize(width: 120, height: 40), now: Date())
    _ = startup(&state)
    _ = reduce(&state, .serverPage(generation: state.servers.generation, ServerPage(count: 1, servers: [server])))
    _ = reduce(&state, .key(.enter))
    _ = reduce(&state, .imageLoaded(id: "img", image))
    _ = reduce(&state, .key(.tab))
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
