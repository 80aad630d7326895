import Foundation
import HuaweiCloud
import TerminalKit
import Testing

@testable import App

/// Every mode's actions are the one source of its keys, its footer and its help: a key shown is a
/// key that works, and a key that works is shown.
struct ModeActionsTests {
    @Test func theSamplesCoverEveryMode() {
        let modes = Set(ModeSamples.all().map { "\(Mode.of($0))" })
        #expect(modes == Set(Mode.allCases.map { "\($0)" }))
        for mode in Mode.allCases {
            #expect(Mode.of(ModeSamples.canonical(mode, width: 80, height: 24)) == mode)
        }
    }

    /// Each declared key, in some state of its mode, changes the state or asks for work; or it is
    /// disabled wherever it is declared, and the footer and the help say so.
    @Test func everyDeclaredKeyOfEveryModeDoesSomething() {
        var acted: Set<String> = []
        var declared: [String: Bool] = [:]  // key of a mode's action: was it ever enabled?
        for build in ModeSamples.builders() + ModeSamples.builders(width: 60, height: 16) {
            let state = build()
            let mode = Mode.of(state)
            for action in mode.actions(state) {
                let enabled = action.availability(state) == .enabled
                for key in action.keys {
                    let name = "\(mode) \(action.keyLabel) \(key)"
                    declared[name] = (declared[name] ?? false) || enabled
                    // A form's copy shares its password buffers: a fresh state per key.
                    var after = state.form == nil ? state : build()
                    let effects = reduce(&after, .key(key))
                    if after != state || !effects.isEmpty { acted.insert(name) }
                }
            }
        }
        for (name, everEnabled) in declared.sorted(by: { $0.key < $1.key }) where everEnabled {
            let didSomething = acted.contains(name)
            #expect(didSomething, "\(name) is declared and enabled, but changes nothing")
        }
        #expect(declared.count > 100)
    }

    /// The footer on screen is the mode's hints: every word group on it is a declared hint, and at
    /// 120 columns every hint of the mode is there.
    @Test(arguments: [(60, 16), (80, 24), (120, 35)])
    func everyFooterIsMadeOfTheModesActions(width: Int, height: Int) {
        for state in ModeSamples.all(width: width, height: height) {
            let mode = Mode.of(state)
            let hints = mode.actions(state).compactMap(\.footer)
            let line = footerLine(render(state))
            #expect(DisplayWidth.of(line) <= width)
            let shown = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("·") }
            for hint in shown {
                let plain = hint.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
                #expect(hints.contains(plain), "\(mode): “\(hint)” is no hint of its actions: \(line)")
            }
            // The last two (help, the way back) are never dropped.
            for hint in hints.suffix(2) { #expect(line.contains(hint.split(separator: " ").last ?? ""), "\(mode): \(line)") }
            if width >= 120 && mode != .jobDetails && mode != .messageLog {
                for hint in hints { #expect(line.contains(hint.split(separator: " ", maxSplits: 1).last ?? ""), "\(mode) at 120: \(line)") }
            }
        }
    }

    /// Every mode but the help and the quit question opens its help, and the help lists every
    /// action of that mode with its keys.
    @Test func everyModeHasAHelpThatListsItsActions() {
        for mode in Mode.allCases where mode != .help && mode != .quitQuestion && mode != .hostKeyQuestion {
            var state = ModeSamples.canonical(mode, width: 120, height: 35)
            let actions = mode.actions(state)
            _ = reduce(&state, .key(.function(1)))
            #expect(state.showHelp, "F1 opens the help of \(mode)")
            let text = render(state).lines.joined(separator: "\n")
            #expect(text.contains("Keys of \(mode.title)"))
            for action in actions {
                #expect(text.contains(action.label), "\(mode): \(action.label)")
                #expect(text.contains(action.keyLabel), "\(mode): \(action.keyLabel)")
            }
            _ = reduce(&state, .key(.escape))
            #expect(!state.showHelp && Mode.of(state) == mode, "Esc closes the help, back to \(mode)")
        }
    }

    /// `?` is text in a text field (a name, a path or a password may hold one): the help is on F1
    /// there, and the footer says so. Elsewhere in the form `?` opens the help as on the list.
    @Test func questionMarkIsTypedInTextFieldsAndF1OpensTheHelp() {
        var state = ModeSamples.form(for: Fixtures.windows, image: Fixtures.windowsImage, width: 100, height: 30)
        FormKeys.focus(.password, in: &state)
        #expect(footerLine(render(state)).contains("F1 help"))
        _ = reduce(&state, .key(.character("?")))
        #expect(!state.showHelp)
        #expect(state.form?.password.count == 1)
        _ = reduce(&state, .key(.function(1)))
        #expect(state.showHelp)
        #expect(render(state).lines.joined().contains("Keys of the reinstall form"))
        _ = reduce(&state, .key(.escape))
        #expect(!state.showHelp && state.form?.password.count == 1, "closing the help keeps the form as it was")

        FormKeys.focus(.login, in: &state)
        #expect(footerLine(render(state)).contains("F1/? help"))
        _ = reduce(&state, .key(.character("?")))
        #expect(state.showHelp)

        var filter = ModeSamples.canonical(.filter, width: 100, height: 30)
        _ = reduce(&filter, .key(.character("?")))
        #expect(!filter.showHelp && filter.servers.filterField?.text.contains("?") == true)

        var review = ModeSamples.canonical(.review, width: 100, height: 30)
        _ = reduce(&review, .key(.character("?")))
        #expect(!review.showHelp && review.form?.confirmName.text.contains("?") == true)
    }

    /// The review has its own footer (not the form's): Enter sends, Esc goes back to the fields.
    @Test func theReviewShowsItsOwnKeys() {
        let review = footerLine(render(ModeSamples.canonical(.review, width: 100, height: 30)))
        #expect(review.contains("Enter send") && review.contains("Esc back") && !review.contains("Tab"))
        let form = footerLine(render(ModeSamples.canonical(.form, width: 100, height: 30)))
        #expect(!form.contains("Enter send") && form.contains("Tab"))
    }

    @Test func noKeyIsBoundTwiceInAMode() {
        for state in ModeSamples.all() {
            let keys = Mode.of(state).actions(state).flatMap(\.keys).map { "\($0)" }
            #expect(keys.count == Set(keys).count, "\(Mode.of(state)): \(keys)")
        }
    }

    /// Each mode's screen and its help at the three sizes; the style layer shows the footer's keys
    /// bold, their words dim, and a disabled hint dim with its key bracketed.
    @Test(arguments: [(60, 16), (80, 24), (120, 35)])
    func snapshotsOfEveryModeAndItsHelp(width: Int, height: Int) {
        for mode in Mode.allCases {
            var state = ModeSamples.canonical(mode, width: width, height: height)
            assertSnapshot(render(state), named: "mode-\(mode)-\(width)x\(height)")
            guard mode != .help && mode != .quitQuestion && mode != .hostKeyQuestion else { continue }
            _ = reduce(&state, .key(.function(1)))
            assertSnapshot(render(state), named: "help-\(mode)-\(width)x\(height)")
        }
    }

    /// The footer row, or the footer inside a dialog that covers it.
    private func footerLine(_ screen: Screen) -> String {
        var lines = screen.lines
        while let last = lines.last, last.contains("└") || last.contains("+-") || last.isEmpty { lines.removeLast() }
        let line = lines.last ?? ""
        // Inside a dialog's frame: what lies between its sides.
        guard let left = line.firstIndex(of: "│"), let right = line.lastIndex(of: "│"), left < right else { return line }
        return String(line[line.index(after: left)..<right])
    }
}
