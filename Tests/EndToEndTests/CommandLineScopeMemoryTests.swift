import Foundation
import Testing

/// The commands for scripts never act on the region the TUI remembers from `:`.
@Suite("Command line: the remembered region", .serialized, .timeLimit(.minutes(1)))
struct CommandLineScopeMemoryTests {
    @Test("servers --demo lists cn-north-4 although the TUI remembers cn-east-3 for the demo")
    func scriptsIgnoreTheRememberedScope() async throws {
        let cli = try CLISession(simulator: try await StandaloneSimulator())
        let folder = URL(fileURLWithPath: cli.scratch.path("state/ecs-reinstall"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"accounts":{"demo":{"region":"cn-east-3","projectId":"4b2e7c1d9a3f48e6b5c0d1e2f3a4b5c6","projectName":"cn-east-3"}}}"#.utf8)
            .write(to: folder.appendingPathComponent("last-scope.json"))
        let result = try await cli.run(["servers", "--demo", "--json"], credentials: false)
        #expect(result.status == 0, "\(result.all)")
        let names = try #require(try jsonObject(result.stdout)["servers"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.count == 12 && names.contains("web-01") && !names.contains("east-web-01"), "\(names)")
    }
}
