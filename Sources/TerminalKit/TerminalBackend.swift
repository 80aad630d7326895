/// What a UI loop needs from a terminal: its size, a way to show a `Screen`, the keys typed, a
/// wait for input and the bell. `CursesTerminal` is the real one; `MemoryTerminal` keeps every
/// frame in memory, so a test can drive the whole UI without a terminal.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// Columns and rows; after a `Key.resize` it is already the new size.
    var size: (width: Int, height: Int) { get }
    /// Frame characters the terminal's locale can show.
    var boxGlyphs: BoxGlyphs { get }
    /// Shows the screen (the backend may send only what changed).
    func present(_ screen: Screen)
    /// Every key already typed, without blocking; `Key.resize` when the size changed.
    func readAvailableKeys() -> [Key]
    /// Sleeps until a key is typed or `wake` is woken (zero CPU while idle).
    func waitForInput(wake: WakePipe) -> InputWaiter.Readiness
    func bell()
    /// Gives the terminal back; safe to call more than once.
    func restore()
}
