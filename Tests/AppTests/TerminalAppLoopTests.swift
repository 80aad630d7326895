import Foundation
import HuaweiCloud
import TerminalKit
import Testing

@testable import App

/// `TerminalApp`'s loop on the in-memory terminal: keys typed reach the runtime, frames are
/// drawn, and q ends the loop with status 0.
@MainActor
@Suite struct TerminalAppLoopTests {
    @Test func theLoopFeedsTypedKeysUntilQuit() throws {
        // A cloud that is never reached: the runtime is not started, so nothing is loaded.
        let client = CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                                 endpoints: Endpoints(region: "cn-north-4", override: URL(string: "http://127.0.0.1:9")),
                                 projectId: "p", transport: HTTPClientTransport(proxies: .direct))
        let state = Fixtures.loadedState()
        let first = try #require(state.servers.selected?.id)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let runtime = AppRuntime(state: state, terminal: terminal, client: client, journal: nil)
        terminal.type([.character("?"), .escape, .character("j"), .character("q")])
        let status = TerminalApp.loop(runtime, wake: try WakePipe())
        #expect(status == 0)
        #expect(runtime.state.quitRequested)
        #expect(runtime.state.servers.selectedId != first, "j moved the selection")
        #expect(!terminal.frames.isEmpty, "the loop drew what the keys changed")
        runtime.runner.cancelAll()
    }
}
