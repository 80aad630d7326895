import Foundation

// Prints figures for the project's performance targets. `--quick` runs each briefly, which is
// what CI does to show they still run; `swift run -c release ecs-reinstall-benchmarks` measures.
let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
let filter = arguments.first { !$0.hasPrefix("--") }

let benchmarks: [Benchmark] = [
    formKeystrokeBenchmark,
    formBytesBenchmark,
    clientListBenchmark,
    sdkComparisonBenchmark,
    idleJobsBenchmark,
    simulatorScaleBenchmark,
    listFilterBenchmark,
    escapeReactionBenchmark,
    serverListFirstRowBenchmark,
    serverListMemoryBenchmark,
    serverListStepBenchmark,
    pasteBenchmark,
]

var failed = 0
for benchmark in benchmarks where filter.map({ benchmark.name.contains($0) }) ?? true {
    print("== \(benchmark.name)\(quick ? " (quick)" : "")")
    do {
        for line in try await benchmark.run(quick) { print("   \(line)") }
    } catch {
        failed += 1
        print("   FAILED: \(error)")
    }
}
exit(failed == 0 ? 0 : 1)
