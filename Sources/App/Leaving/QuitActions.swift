import TerminalKit

/// The quit question on the flash line. Any key answers it: only these quit; every other key
/// keeps the UI open and does nothing else, so a stray key cannot act by surprise.
enum QuitActions {
    static let all: [Action] = [
        Action(keys: [.character("y"), .character("Y"), .character("q"), .character("Q")], keyLabel: "y q",
               label: "quit: the reinstalls go on in the cloud", footer: "y quit",
               perform: { state, key in answerQuitQuestion(&state, key) }),
        Action(keys: [.character("n"), .escape], keyLabel: "n Esc", label: "stay (any other key too)", footer: "n stay",
               perform: { state, key in answerQuitQuestion(&state, key) }),
    ]
}
