import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// The user data path: `~` expansion, Tab completion (the folder listed by an effect, the
/// completion decided by `reduce`), and the focus kept on a path that cannot be read.
struct FormUserDataPathTests {
    private func userDataForm(typing path: String) -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        FormKeys.focus(.userData, in: &state)
        FormKeys.type(path, into: &state)
        return state
    }

    /// A temporary folder with `cloud-init.yaml`, `cloud.yaml`, `cloudy/`, `.hidden`, removed after `body`.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("userdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cloudy"), withIntermediateDirectories: true)
        for name in ["cloud-init.yaml", "cloud.yaml", ".hidden"] {
            try Data("#cloud-config\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.path)
    }

    private func candidates(_ typed: String, home: String? = nil) -> [String] {
        PathCompleter.candidates(for: typed, home: home, list: PathCompleter.listFolder)
    }

    @Test(arguments: [
        ("~", "/home/op"), ("~/cloud.yaml", "/home/op/cloud.yaml"), ("~/", "/home/op/"),
        ("/etc/x", "/etc/x"), ("~other/x", "~other/x"), ("a~/b", "a~/b"),
    ])
    func tildeMeansHome(typed: String, expanded: String) {
        #expect(UserDataPath.expand(typed, home: "/home/op") == expanded)
        #expect(UserDataPath.expand(typed, home: "/home/op/") == expanded)
    }

    @Test func theFolderIsListedForTheTypedPrefix() throws {
        try withFolder { folder in
            #expect(candidates(folder + "/cl") == [folder + "/cloud-init.yaml", folder + "/cloud.yaml", folder + "/cloudy/"])
            #expect(candidates(folder + "/cloudy") == [folder + "/cloudy/"], "a folder ends with /")
            #expect(candidates(folder + "/") == [folder + "/cloud-init.yaml", folder + "/cloud.yaml", folder + "/cloudy/"],
                    "hidden entries only when asked for")
            #expect(candidates(folder + "/.h") == [folder + "/.hidden"])
            #expect(candidates(folder + "/zz").isEmpty)
            #expect(candidates(folder + "/nowhere/x").isEmpty)
            // Through ~: the candidates keep the ~ as typed.
            #expect(candidates("~/cloud.", home: folder) == ["~/cloud.yaml"])
            #expect(candidates("~", home: folder) == ["~/"])
        }
    }

    @Test func tabAsksForTheCompletionsAndAppliesTheirCommonPrefix() throws {
        try withFolder { folder in
            var state = userDataForm(typing: folder + "/cl")
            let effects = reduce(&state, .key(.tab))
            #expect(effects == [.completeUserDataPath(folder + "/cl")])
            #expect(state.form?.focus == .userData)
            _ = reduce(&state, .userDataCompletions(typed: folder + "/cl", candidates(folder + "/cl")))
            #expect(state.form?.options.userDataPath.text == folder + "/cloud")
            #expect(state.form?.options.userDataHint == nil)

            // The second Tab can add nothing: it lists the candidates under the field.
            _ = reduce(&state, .key(.tab))
            _ = reduce(&state, .userDataCompletions(typed: folder + "/cloud", candidates(folder + "/cloud")))
            #expect(state.form?.options.userDataPath.text == folder + "/cloud")
            #expect(state.form?.options.userDataHint == "3 matches: cloud-init.yaml  cloud.yaml  cloudy/")
            let screen = render(state).lines.joined(separator: "\n")
            #expect(screen.contains("3 matches:") && screen.contains("cloud-init.yaml") && screen.contains("cloudy/"),
                    "the matches are listed under the field")

            // One match: the whole name; once it names a file, Tab moves on and reads it.
            FormKeys.type(".", into: &state)
            #expect(state.form?.options.userDataHint == nil, "the next key clears the list")
            _ = reduce(&state, .key(.tab))
            _ = reduce(&state, .userDataCompletions(typed: folder + "/cloud.", candidates(folder + "/cloud.")))
            #expect(state.form?.options.userDataPath.text == folder + "/cloud.yaml")
            _ = reduce(&state, .key(.tab))
            let read = reduce(&state, .userDataCompletions(typed: folder + "/cloud.yaml", candidates(folder + "/cloud.yaml")))
            #expect(read == [.readUserData(path: folder + "/cloud.yaml")])
            #expect(state.form?.focus != .userData)
        }
    }

    @Test func aStaleOrUnmatchedCompletionIsHandled() {
        var state = userDataForm(typing: "/no/such")
        _ = reduce(&state, .key(.tab))
        FormKeys.type("x", into: &state)
        _ = reduce(&state, .userDataCompletions(typed: "/no/such", ["/no/such-thing"]))
        #expect(state.form?.options.userDataPath.text == "/no/suchx", "an answer for an older path changes nothing")
        _ = reduce(&state, .key(.tab))
        let read = reduce(&state, .userDataCompletions(typed: "/no/suchx", []))
        #expect(state.form?.focus != .userData, "no completion: Tab moves on, as it does elsewhere")
        #expect(read == [.readUserData(path: "/no/suchx")], "leaving the field reads the file")
    }

    /// A path that failed to read brings the focus back once; Tab then leaves it for good.
    @Test func tabLeavesAPathWhoseFailureIsShown() {
        var state = userDataForm(typing: "/nope")
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .userDataCompletions(typed: "/nope", []))
        _ = reduce(&state, .userDataRead(path: "/nope", .failure(UserDataReadError("no such file"))))
        #expect(state.form?.focus == .userData, "the failure takes the focus back")
        #expect(reduce(&state, .key(.tab)) == [.completeUserDataPath("/nope")])
        #expect(reduce(&state, .userDataCompletions(typed: "/nope", [])) == [], "not read again")
        #expect(state.form?.focus != .userData)
    }

    /// Two Tabs on the same matches: the first lists them, the second moves on.
    @Test func aSecondTabOnTheSameMatchesMovesOn() {
        var state = userDataForm(typing: "/etc/host")
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .userDataCompletions(typed: "/etc/host", ["/etc/host.conf", "/etc/hosts"]))
        #expect(state.form?.focus == .userData)
        #expect(state.form?.options.userDataHint?.contains("2 matches") == true)
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .userDataCompletions(typed: "/etc/host", ["/etc/host.conf", "/etc/hosts"]))
        #expect(state.form?.focus != .userData)
    }

    @Test func tabOnAnEmptyPathMovesOn() {
        var state = userDataForm(typing: "")
        #expect(reduce(&state, .key(.tab)) == [])
        #expect(state.form?.focus != .userData)
    }

    @Test func aFailedReadBringsTheFocusBackToThePath() {
        var state = userDataForm(typing: "/nope")
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.focus != .userData)
        _ = reduce(&state, .userDataRead(path: "/nope", .failure(UserDataReadError("cannot open /nope"))))
        #expect(state.form?.focus == .userData)
        #expect(render(state).lines.joined().contains("user data: cannot open /nope"))
    }

    @Test func aFailedReadAfterMoreKeysLeavesTheFocusWhereTheOperatorTypes() {
        var state = userDataForm(typing: "/nope")
        _ = reduce(&state, .key(.enter))
        let next = state.form?.focus
        _ = reduce(&state, .key(.character(" ")))  // already acting on the next field
        _ = reduce(&state, .userDataRead(path: "/nope", .failure(UserDataReadError("cannot open /nope"))))
        #expect(state.form?.focus == next)
        #expect(FormKeys.checklist(state).contains { $0.mark == .failed && $0.label == "user data: cannot open /nope" })
    }

    /// In a scratch home: the test neither writes into the real one nor passes by skipping.
    @Test func theReaderExpandsTilde() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("#cloud-config\n".utf8).write(to: home.appendingPathComponent("user-data.yaml"))
        #expect(try UserDataFileReader.read("~/user-data.yaml", home: home.path).get() == Data("#cloud-config\n".utf8))
    }
}
