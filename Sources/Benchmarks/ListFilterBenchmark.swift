import App
import CloudSimulator
import Foundation
import HuaweiCloud
import TerminalKit

/// CPU per keystroke of the `/` filter over 10,000 servers: reduce (narrowing the matches) plus
/// render of the visible rows; and what loading, sorting and clearing cost at that size.
let listFilterBenchmark = Benchmark(name: "server list filter (10,000 servers: reduce + render per keystroke)") { quick in
    let count = quick ? 2_000 : 10_000
    let servers = SimulatorDataSet.generated(servers: count, seed: 7).servers
    var state = AppState(mode: .demo, region: "cn-north-4", projectId: "p", userId: "u",
                         size: TerminalSize(width: 120, height: 35), now: Date())
    _ = startup(&state)
    let generation = state.servers.generation
    let load = Measurement.of {
        for page in stride(from: 0, to: servers.count, by: 100) {
            let slice = Array(servers[page..<min(page + 100, servers.count)])
            _ = reduce(&state, .serverPage(generation: generation, ServerPage(count: servers.count, servers: slice)))
            _ = render(state)
        }
        _ = reduce(&state, .serverListingFinished(generation: generation, at: Date()))
    }

    _ = reduce(&state, .key(.character("/")))
    // Typed, then erased, then typed again: every keystroke narrows or widens the matches.
    let typed = "web 1"
    let keys = Array(typed).map { Key.character($0) } + Array(repeating: Key.backspace, count: typed.count)
    let rounds = quick ? 2 : 20
    var matches = 0
    let filtering = Measurement.of {
        for _ in 0..<rounds {
            for key in keys {
                _ = reduce(&state, .key(key))
                _ = render(state)
                matches += state.servers.catalog.visible.count
            }
        }
    }
    _ = reduce(&state, .key(.escape))
    let sorting = Measurement.of {
        _ = reduce(&state, .key(.character("s")))
        _ = render(state)
    }
    let step = Measurement.of {
        for _ in 0..<100 {
            _ = reduce(&state, .key(.character("j")))
            _ = render(state)
        }
    }
    let keystrokes = rounds * keys.count
    return [
        "servers: \(count), terminal 120×35",
        "loading in pages of 100 (reduce + render each): \(milliseconds(load.cpu)) CPU in all",
        "filter keystroke (\(typed.debugDescription) typed and erased): \(milliseconds(filtering.cpu / keystrokes)) CPU each",
        "sort by name: \(milliseconds(sorting.cpu)) CPU",
        "one step down: \(milliseconds(step.cpu / 100)) CPU",
        "(average matches per keystroke: \(matches / max(1, keystrokes)))",
    ]
}
