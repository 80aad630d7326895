import Foundation
import HuaweiCloud
import TerminalKit

@testable import App

/// States in each mode, for the tests that walk every mode's actions, footer and help.
enum ModeSamples {
    /// One state per mode, as the snapshots show it.
    static func canonical(_ mode: Mode, width: Int, height: Int) -> AppState {
        var state = list(width: width, height: height)
        switch mode {
        case .list:
            break
        case .filter:
            press([.character("/")] + typed("192 168") + [.left, .left], &state)
        case .scopePicker:
            press([.character(":")], &state)
            _ = reduce(&state, .scopesLoaded(ScopeSwitchReducerTests.all))
        case .form:
            state = form(for: Fixtures.web, image: Fixtures.goldImage, width: width, height: height)
        case .review:
            state = review(width: width, height: height)
        case .help:
            press([.character("?")], &state)
        case .history:
            press([.character("h")], &state)
        case .jobsPane:
            press([.character("J"), .down], &state)
        case .jobDetails:
            press([.character("J"), .enter], &state)
        case .messageLog:
            for number in 1...30 { state.messages.record(Flash(.info, "Message number \(number) of the session."), at: Fixtures.now) }
            press([.character("L"), .down], &state)
        case .quitQuestion:
            press([.character("q")], &state)
        case .hostKeyQuestion:
            state = readyToLogIn(width: width, height: height)
            press([.character("x")], &state)
        }
        return state
    }

    /// Several states of every mode: the selection at the top, the middle and the end; every field
    /// of the form, empty and with text and the cursor inside it. A key that acts in one of them
    /// is a key that works.
    static func all(width: Int = 100, height: Int = 30) -> [AppState] {
        builders(width: width, height: height).map { $0() }
    }

    /// The same states, each built afresh on every call: a copy of a form shares its password
    /// buffers, so a test that presses keys in copies of one state needs a new state per key.
    static func builders(width: Int = 100, height: Int = 30) -> [() -> AppState] {
        var builders: [() -> AppState] = Mode.allCases.map { mode in { canonical(mode, width: width, height: height) } }
        for keys: [Key] in [[.character("G")], [.character("g")], [.character("J"), .character("G")],
                            [.character("/"), .character("1"), .enter], [.character("?"), .escape, .character("h")]] {
            builders.append { listAfter(keys, width: width, height: height) }
        }
        builders.append {
            // The picker narrowed by a filter, the cursor inside it.
            var state = canonical(.scopePicker, width: width, height: height)
            press(typed("cn north") + [.left, .left], &state)
            return state
        }
        builders.append {
            // The picker after a refused list: Enter asks again.
            var state = list(width: width, height: height)
            press([.character(":")], &state)
            _ = reduce(&state, .scopesFailed(.transport("connection refused")))
            return state
        }
        builders.append {
            // A log that scrolls, away from its top.
            var state = list(width: width, height: height)
            for number in 1...30 { state.messages.record(Flash(.info, "Message \(number)."), at: Fixtures.now) }
            press([.character("L"), .down, .down], &state)
            return state
        }
        // A job whose server is ready to log in, selected: its keys (x, a) act.
        builders.append { readyToLogIn(width: width, height: height) }
        builders.append {
            var state = readyToLogIn(width: width, height: height)
            press([.enter], &state)
            return state
        }
        // Details taller than a small terminal, scrolled.
        builders.append { listAfter([.character("J"), .character("G"), .enter, .down], width: 60, height: 16) }
        for (server, image) in [(Fixtures.web, Fixtures.goldImage), (Fixtures.windows, Fixtures.windowsImage)] {
            let opened = form(for: server, image: image, width: width, height: height)
            // A form that no longer opens must fail the tests, not drop every field's sample.
            guard let form = opened.form else { preconditionFailure("\(server.name): the form does not open") }
            for field in form.fields(formContext(opened, form)) {
                builders.append {
                    var state = ModeSamples.form(for: server, image: image, width: width, height: height)
                    state.form?.focus = field
                    return state
                }
                if FormActions.textFields.contains(field) {
                    builders.append {
                        var state = ModeSamples.form(for: server, image: image, width: width, height: height)
                        state.form?.focus = field
                        press(typed("ab cd") + [.left, .left], &state)
                        return state
                    }
                }
            }
        }
        builders.append {
            var state = review(width: width, height: height)
            press(typed(Fixtures.web.name) + [.enter], &state)
            return state
        }
        // On a small screen the review's body does not fit: scrolled one line, ↑ and ↓ both have room.
        if height <= 16 {
            builders.append {
                var state = review(width: width, height: height)
                press([.down], &state)
                return state
            }
        }
        return builders.map { build in
            {
                var state = build()
                state.flash = nil
                return state
            }
        }
    }

    static func listAfter(_ keys: [Key], width: Int, height: Int) -> AppState {
        var state = list(width: width, height: height)
        press(keys, &state)
        return state
    }

    static func list(width: Int, height: Int) -> AppState {
        var state = Fixtures.loadedState(width: width, height: height)
        JobsLayoutSnapshotTests.addThreeJobs(&state)
        press([.down, .down], &state)
        state.flash = nil
        return state
    }

    /// The list with its three jobs and a fourth, web-01's, done and ready to log in (known_hosts
    /// holds its old key; the server has a second address), selected in the focused pane.
    static func readyToLogIn(width: Int, height: Int) -> AppState {
        var state = list(width: width, height: height)
        var web = Fixtures.web
        web.addresses["vpc-1"]?.append(.init(addr: "100.93.1.11", type: "floating"))
        Fixtures.deliver(Fixtures.servers.map { $0.id == web.id ? web : $0 }, to: &state)
        LoginSamples.readyWeb(&state, server: web)
        press([.character("J")], &state)
        state.jobsPane.selectedJobId = LoginSamples.jobId
        state.flash = nil
        return state
    }

    static func form(for server: Server, image: Image, width: Int, height: Int) -> AppState {
        var state = Fixtures.formState(for: server, image: image)
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        state.flash = nil
        return state
    }

    /// The review of web-01 (its own key pair), with part of a name typed and the cursor inside it.
    static func review(width: Int, height: Int) -> AppState {
        var state = form(for: Fixtures.web, image: Fixtures.goldImage, width: width, height: height)
        state.form?.focus = .submit
        press([.enter] + typed("web x") + [.left], &state)
        return state
    }

    static func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    static func press(_ keys: [Key], _ state: inout AppState) {
        for key in keys { _ = reduce(&state, .key(key)) }
    }
}
