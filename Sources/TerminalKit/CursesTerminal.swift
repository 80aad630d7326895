#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// The curses backend: the only code that calls curses.
///
/// ncurses is not thread-safe, so this lives on the main actor; top-level code and the
/// `@MainActor` store call it synchronously. Create one per process.
@MainActor
public final class CursesTerminal: TerminalBackend {
    private var restored = false
    private var cursorVisible = false
    /// The terminal has an alternate screen (smcup/rmcup): leaving it brings back what was there.
    /// Without one (vt100, the linux console) the UI is cleared on exit instead, so that it is not
    /// left under the shell's prompt.
    public let hasAlternateScreen: Bool

    /// Whether cells are drawn in colour; without it every style goes through `Style.monochrome`.
    public private(set) var usesColor: Bool
    /// Whether clicks and the wheel arrive as `Key.mouse` (asked for, and the terminal can).
    public private(set) var usesMouse: Bool
    /// Frame characters the locale can encode: pass them to views that draw boxes and rules.
    public let boxGlyphs: BoxGlyphs
    /// The locale is not UTF-8: a character it cannot encode goes through `AsciiFallback`.
    private let checksEncoding: Bool
    /// The locale is plain ASCII (the C locale), where glibc's `wcrtomb` cannot be trusted to say so.
    private let asciiOnly: Bool
    /// Whether the locale encodes a scalar, learnt once per scalar (a GB18030 locale encodes CJK;
    /// the C locale nothing beyond ASCII).
    private var encodable: [UInt32: Bool] = [:]

    /// Sets up curses: locale (for UTF-8), raw-ish input with keypad decoding, a short ESC delay,
    /// a hidden cursor, non-blocking reads, and (with colour) one pair per `Color` over the
    /// default background.
    public init(options: TerminalOptions = TerminalOptions()) {
        setlocale(LC_ALL, "")
        Self.prepareEnvironment()
        let ttyDescriptor = isatty(STDIN_FILENO) != 0 ? STDIN_FILENO : STDOUT_FILENO
        EmergencyTerminal.saveModes(descriptor: ttyDescriptor)
        initscr()
        cbreak()
        Self.disableFlowControl(descriptor: ttyDescriptor)
        noecho()
        keypad(shim_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        nodelay(shim_stdscr(), true)
        hasAlternateScreen = Self.hasCapability("smcup") && Self.hasCapability("rmcup")
        boxGlyphs = BoxGlyphs.forLocale()
        checksEncoding = boxGlyphs == .ascii
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0).uppercased() } ?? ""
        asciiOnly = ["ANSI_X3.4-1968", "ASCII", "US-ASCII", ""].contains(codeset)
        usesColor = ColorSupport.decide(
            requested: options.colors, environment: ColorSupport.processEnvironment(),
            terminalHasColors: has_colors())
        if usesColor {
            start_color()
            let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            for color in Color.allCases where color != .standard {
                init_pair(Self.pair(for: color), Self.foreground(for: color), background)
            }
        }
        usesMouse = false
        if options.mouse {
            usesMouse = mousemask(MouseButtons.reported, nil) != 0
            // Report each press at once instead of waiting to tell clicks from double clicks.
            mouseinterval(0)
        }
        EmergencyTerminal.setResetSequence(Self.resetSequence(mouse: usesMouse, clear: !hasAlternateScreen))
    }

    private static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return false }
        return value.pointee != 0
    }

    /// `Ctrl-S` must not freeze the screen: with the terminal's XON/XOFF flow control (IXON) on,
    /// it stops all output until `Ctrl-Q`, which looks like a hang. Turned off for the UI (the
    /// keys then arrive as ordinary, unbound keys); `endwin` puts the shell's modes back.
    ///
    /// We keep `cbreak` rather than `raw`: `Ctrl-C` stays SIGINT (quit, status 130, from every
    /// screen as before), `Ctrl-Z` still suspends, and `Ctrl-\` is SIGQUIT, which the UI handles
    /// as a quit (see `TerminalSignals`).
    private static func disableFlowControl(descriptor: Int32) {
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(descriptor, TCSANOW, &modes) == 0 else { return }
        // curses keeps its own copy of the program's modes (restored after a suspend): refresh it.
        def_prog_mode()
    }

    /// The bytes that undo what the UI set up, for `EmergencyTerminal`: mouse reporting off,
    /// attributes reset, the cursor shown, keypad mode off, the alternate screen left (cleared, on a
    /// terminal without one). From the
    /// terminal's terminfo entry, so they suit the terminal as curses' own would.
    private static func resetSequence(mouse: Bool, clear: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for capability in ["sgr0", "cnorm", "rmkx", clear ? "clear" : "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        return bytes
    }

    /// Settings curses reads from the environment. `init` applies them too, but setenv is only
    /// safe before other threads start: call this first thing in `main`.
    ///
    /// We draw frames as text, but should anything reach for the line-drawing charset (ACS),
    /// NCURSES_NO_UTF8_ACS makes ncurses send Unicode instead: PuTTY and GNU screen in UTF-8 mode
    /// ignore the VT100 charset switch and print "qqqq". A value the user set is kept.
    public nonisolated static func prepareEnvironment() {
        if getenv("NCURSES_NO_UTF8_ACS") == nil { setenv("NCURSES_NO_UTF8_ACS", "1", 0) }
    }

    isolated deinit {
        restore()
    }

    public var size: (width: Int, height: Int) {
        (Int(shim_cols()), Int(shim_lines()))
    }

    /// Copies the screen into stdscr and lets ncurses send only what changed.
    ///
    /// `erase()` rather than `clear()`: clear forces a full repaint of the terminal every frame.
    public func present(_ screen: Screen) {
        werase(shim_stdscr())
        let rows = min(screen.height, Int(shim_lines()))
        let columns = min(screen.width, Int(shim_cols()))
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = screen[x, y]
                // The right half of a wide character is drawn with its left; one that would
                // straddle the terminal's right edge is left out rather than wrapped.
                if cell.width == 0 || x + cell.width > columns { continue }
                let style = usesColor ? cell.style : cell.style.monochrome
                let attributes = Self.attributes(style), pair = Int32(Self.pair(for: style.color))
                guard checksEncoding, !localeEncodes(cell.text) else {
                    var wide = Self.wideCharacters(cell.text)
                    _ = shim_put_cell(Int32(y), Int32(x), &wide, attributes, pair)
                    continue
                }
                for (offset, character) in AsciiFallback.text(cell.text, width: cell.width).unicodeScalars.enumerated() {
                    var narrow = [wchar_t(bitPattern: character.value), 0]
                    _ = shim_put_cell(Int32(y), Int32(x + offset), &narrow, attributes, pair)
                }
            }
        }
        if let cursor = screen.cursor, screen.contains(x: cursor.x, y: cursor.y) {
            setCursorVisible(true)
            wmove(shim_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(shim_stdscr())
        doupdate()
    }

    /// Whether every scalar of `text` has an encoding in the locale (`wcrtomb` succeeds).
    private func localeEncodes(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar.isASCII { return true }
            if asciiOnly { return false }
            if let known = encodable[scalar.value] { return known }
            var bytes = [CChar](repeating: 0, count: 32)
            var state = mbstate_t()
            let encodes = wcrtomb(&bytes, wchar_t(bitPattern: scalar.value), &state) != size_t.max
            encodable[scalar.value] = encodes
            return encodes
        }
    }

    /// Reads every key already available without blocking; ESC and the key right behind it
    /// become one Alt key (`KeyDecoder.pairingAlt`).
    public func readAvailableKeys() -> [Key] {
        var keys: [Key] = []
        var value: wint_t = 0
        // Bounded so a flood of input (a paste) cannot starve the frame.
        while keys.count < 4096 {
            let status = wget_wch(shim_stdscr(), &value)
            if status == KEY_CODE_YES {
                let code = Int32(bitPattern: UInt32(value))
                if code == KEY_MOUSE {
                    if let key = Self.readMouse() { keys.append(key) }
                } else {
                    keys.append(KeyDecoder.keyCode(code))
                }
            } else if status == OK {
                keys.append(KeyDecoder.character(UInt32(value)))
            } else {
                break
            }
        }
        return KeyDecoder.pairingAlt(keys)
    }

    /// Sleeps in `poll()` on stdin and the wake pipe (`InputWaiter`).
    public func waitForInput(wake: WakePipe) -> InputWaiter.Readiness {
        InputWaiter.wait(wake: wake, timeoutMilliseconds: nil)
    }

    /// Rings the terminal bell (or flashes, where the terminal has no bell).
    public func bell() {
        beep()
    }

    /// Gives the terminal back (endwin). Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        if !hasAlternateScreen {
            // No alternate screen to leave: wipe the UI so the prompt comes back on a clean screen.
            wclear(shim_stdscr())
            wrefresh(shim_stdscr())
        }
        endwin()
        EmergencyTerminal.markRestored()
    }

    /// The pending mouse report, or nil when there is none or it is one we ignore.
    private static func readMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return KeyDecoder.mouse(x: Int(event.x), y: Int(event.y), buttons: event.bstate)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard visible != cursorVisible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    /// The cell's grapheme as setcchar wants it: one spacing character, then only its
    /// zero-width companions (at most CCHARW_MAX in all), NUL-terminated.
    private static func wideCharacters(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            if !result.isEmpty && DisplayWidth.of(scalar) > 0 { continue }
            if result.count == Int(shim_cchar_max()) { break }
            result.append(wchar_t(bitPattern: scalar.value))
        }
        if result.isEmpty { result.append(wchar_t(32)) }
        return result + [0]
    }

    private static func attributes(_ style: Style) -> Int32 {
        var attributes: Int32 = 0
        if style.bold { attributes |= shim_a_bold() }
        if style.reverse { attributes |= shim_a_reverse() }
        if style.dim { attributes |= shim_a_dim() }
        if style.underline { attributes |= shim_a_underline() }
        return attributes
    }

    /// Pair 0 is the terminal's default colours; the others are numbered in `Color` order.
    private static func pair(for color: Color) -> Int16 {
        Int16(Color.allCases.firstIndex(of: color) ?? 0)
    }

    private static func foreground(for color: Color) -> Int16 {
        switch color {
        case .standard: -1
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }
}
