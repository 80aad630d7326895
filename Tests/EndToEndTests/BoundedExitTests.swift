import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// However the app is left, it ends within 2 s, whatever is in flight: here every request to the
/// demo's cloud hangs (`--demo-faults hang=1`), so the listing is in flight when the end comes.
@Suite("End to end: leaving is bounded", .timeLimit(.minutes(2)))
struct BoundedExitTests {
    static let limit = Duration.seconds(2)

    @Test("Hanging up the terminal while the list loads ends the app within 2 s, 20 times out of 20")
    func hangUpsEndTheApp() async throws {
        let binary = try AppBinary.locate()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-e2e-hangup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        var times: [Duration] = []
        for run in 1...20 {
            // The app is the pane's only process (no shell), in a tmux server of its own (tmux 3.3
            // cannot add windows with `window-size manual`): ending the session closes the app's
            // terminal, as a dropped SSH session does, and the kernel hangs it up.
            let tmux = try await TmuxSession(
                width: 100, height: 30, environment: ["XDG_STATE_HOME": state.path],
                program: [binary.path, "--demo", "--demo-faults", "hang=1"])
            try await tmux.waitFor("DEMO — simulated cloud", "Loading servers…")
            guard let pid = pid_t(try await tmux.display("#{pane_pid}")) else {
                throw EndToEndFailure(description: "no pane pid in hang-up \(run)")
            }
            try await tmux.command(["kill-session", "-t", "t"])
            let time = await ProcessWatch.timeUntilGone(pid, limit: Self.limit)
            #expect(time != nil, "hang-up \(run): the app (pid \(pid)) was still running \(Self.limit) later")
            guard let time else {
                _ = sendSignal(pid, SIGKILL)
                break
            }
            times.append(time)
        }
        print("Hang-ups during a hung listing, time until the process was gone: \(ProcessWatch.summary(times)) over \(times.count) runs")
    }
}
