/// A terminal in memory: every presented screen is kept, keys are queued by the test, and the
/// size changes when the test says so (with the `Key.resize` curses would report). Like
/// ratatui's `TestBackend`, it lets a test assert what the operator would see, as text.
@MainActor
public final class MemoryTerminal: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    public let boxGlyphs: BoxGlyphs
    /// Every screen presented, oldest first.
    public private(set) var frames: [Screen] = []
    public private(set) var bells = 0
    public private(set) var restored = false
    private var typed: [Key] = []

    public init(width: Int = 100, height: Int = 30, boxGlyphs: BoxGlyphs = .unicode) {
        size = (width, height)
        self.boxGlyphs = boxGlyphs
    }

    /// The last screen presented (a blank one of the current size before the first).
    public var screen: Screen { frames.last ?? Screen(width: size.width, height: size.height) }

    /// Queues keys for `readAvailableKeys`, as if typed.
    public func type(_ keys: [Key]) { typed += keys }

    /// Changes the size and queues the `Key.resize` that tells the UI.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        typed.append(.resize)
    }

    public func present(_ screen: Screen) { frames.append(screen) }

    public func readAvailableKeys() -> [Key] {
        defer { typed.removeAll() }
        return typed
    }

    /// Never sleeps: a test drives the loop itself. Says whether keys are queued and empties the
    /// wake pipe.
    public func waitForInput(wake: WakePipe) -> InputWaiter.Readiness {
        wake.drain()
        return InputWaiter.Readiness(input: !typed.isEmpty, woken: true)
    }

    public func bell() { bells += 1 }

    public func restore() { restored = true }
}
