import Testing

@testable import TerminalKit

/// The in-memory backend keeps what a test needs to see: every frame, the keys typed, a resize
/// told as curses tells it, the bells.
@MainActor
@Suite struct MemoryTerminalTests {
    @Test func everyPresentedScreenIsKeptInOrder() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        #expect(terminal.screen.lines == ["", ""], "a blank screen of its size before the first frame")
        var first = Screen(width: 10, height: 2)
        first.put("one", x: 0, y: 0)
        var second = Screen(width: 10, height: 2)
        second.put("two", x: 0, y: 1)
        terminal.present(first)
        terminal.present(second)
        #expect(terminal.frames.map(\.lines) == [["one", ""], ["", "two"]])
        #expect(terminal.screen == second)
    }

    @Test func typedKeysAreReadOnce() {
        let terminal = MemoryTerminal()
        terminal.type([.character("j"), .enter])
        #expect(terminal.readAvailableKeys() == [.character("j"), .enter])
        #expect(terminal.readAvailableKeys().isEmpty)
    }

    @Test func aResizeChangesTheSizeAndIsReportedAsAKey() {
        let terminal = MemoryTerminal(width: 100, height: 30)
        terminal.resize(width: 40, height: 10)
        #expect(terminal.size == (40, 10))
        #expect(terminal.readAvailableKeys() == [.resize])
    }

    @Test func waitingSaysWhetherKeysAreQueuedAndEmptiesTheWakePipe() throws {
        let terminal = MemoryTerminal()
        let wake = try WakePipe()
        wake.wake()
        #expect(terminal.waitForInput(wake: wake).input == false)
        #expect(InputWaiter.wait(stdin: wake.readDescriptor, wake: wake, timeoutMilliseconds: 0).woken == false,
                "the wake-up was drained")
        terminal.type([.escape])
        #expect(terminal.waitForInput(wake: wake).input)
    }

    @Test func bellsAndRestoreAreCounted() {
        let terminal = MemoryTerminal()
        terminal.bell()
        terminal.bell()
        terminal.restore()
        #expect(terminal.bells == 2)
        #expect(terminal.restored)
    }
}
