/// How `CursesTerminal` sets the terminal up.
public struct TerminalOptions: Sendable, Equatable {
    /// True or false forces colour on or off; nil decides from NO_COLOR and the terminal's abilities.
    public var colors: Bool?
    /// Report clicks and the wheel as `Key.mouse`. Off by default: mouse reporting takes over
    /// the terminal's own text selection, which many users rely on for copying.
    public var mouse: Bool

    public init(colors: Bool? = nil, mouse: Bool = false) {
        self.colors = colors
        self.mouse = mouse
    }
}
