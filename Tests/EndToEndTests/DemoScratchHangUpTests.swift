import Foundation
import ScreenCapture
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The demo keeps a known_hosts of its own in a scratch folder; an SSH drop (SIGHUP) ends the app
/// (the terminal gone) within the exit watchdog's grace, and the folder must not outlive it.
@Suite("End to end: the demo's scratch folder", .timeLimit(.minutes(1)))
struct DemoScratchHangUpTests {
    @Test("A hang-up ends the demo and removes its scratch folder")
    func hangUpRemovesTheFolder() async throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("hangup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: temporary) }
        func demoFolders() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("ecs-reinstall-demo-") }
        }

        let tmux = try await TmuxSession(width: 100, height: 30, environment: ["TMPDIR": temporary.path])
        _ = try await tmux.launchDemoAndWaitForList(binary: try AppBinary.locate())
        #expect(try demoFolders().count == 1, "the demo's known_hosts is made at start")
        let pid = try await tmux.appPid()
        // The terminal goes away as it does when SSH drops: the app reads end of input and gets SIGHUP.
        tmux.kill()
        let deadline = ContinuousClock.now + .seconds(10)
        while kill(pid, 0) == 0 {
            guard ContinuousClock.now < deadline else { throw EndToEndFailure(description: "the app outlived its terminal") }
            try await Task.sleep(for: .milliseconds(20))
        }
        let left = try demoFolders()
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
