import Foundation
import Testing

/// The built binary, in demo mode, driven through a real terminal (tmux) like an operator would.
@Suite("End to end: reinstall flows in the demo", .timeLimit(.minutes(1)))
struct ReinstallFlowTests {
    /// Selects `name` in the list with `j`, counting the presses from the order on the screen, and
    /// waits until its row is the one drawn in reverse video.
    private func select(_ name: String, in tmux: TmuxSession, list: String) async throws {
        let names = AppScreen.serverNames(list)
        let target = try #require(names.firstIndex(of: name), "\(name) is not in the list \(names)\n\(tmux.screenDump)")
        let escaped = try await tmux.capture(escapes: true)
        let current = try #require(AppScreen.selectedServer(escaped).flatMap { names.firstIndex(of: $0) },
                                   "no row is selected\n\(tmux.screenDump)")
        #expect(target >= current)
        try await tmux.press("j", times: target - current)
        try await tmux.waitUntil("\(name) to be the selected (reverse-video) row", escapes: true) {
            AppScreen.selectedServer($0) == name
        }
    }

    @Test("Key-pair reinstall of the Cloud-Init Linux server goes to v2 and succeeds")
    func keypairReinstallGoesToV2() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        let list = try await tmux.launchDemoAndWaitForList(binary: binary)
        #expect(AppScreen.serverNames(list).first == "web-01", "\(tmux.screenDump)")
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }

        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "V2 POST /v2/{project}/cloudservers/{id}/reinstallos")
        // Ready once the image, the key pairs and the user id are in: nothing fails, nothing pending.
        let form = try await tmux.waitUntil("the web-01 form to be complete (no ✗, no 'complete the checklist first')") {
            !$0.contains("✗") && !$0.contains("complete the checklist first") && $0.contains("ops-ed25519 ▸ (current)")
        }
        #expect(AppScreen.endpointReason(form)?.contains("Cloud-Init") == true,
                "the v2 decision must be explained by Cloud-Init\n\(tmux.screenDump)")
        let login = AppScreen.formLine(form, label: "Login")
        #expect(login?.contains("(•) Key pair") == true, "the login must default to the key pair\n\(tmux.screenDump)")
        #expect(login?.contains("( ) Password") == true, "\(tmux.screenDump)")
        #expect(AppScreen.formLine(form, label: "Password") == nil, "no password field with a key pair\n\(tmux.screenDump)")

        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall web-01 ]", fromKeypairLogin: true)
        try await tmux.press("Enter")
        try await ReinstallDriving.confirmByName(tmux, "web-01")

        let submitted = try await tmux.waitUntil("the Jobs pane with web-01") {
            AppScreen.jobPane($0, server: "web-01") != nil
        }
        #expect(!submitted.contains("Reinstall the OS of"), "the form must close after submitting\n\(tmux.screenDump)")
        #expect(AppScreen.jobPane(submitted, server: "web-01")?[1] == "v2", "\(tmux.screenDump)")

        let done = try await tmux.waitUntil("web-01's job to reach SUCCESS", timeout: .seconds(20)) {
            AppScreen.jobPane($0, server: "web-01")?[2] == "SUCCESS"
        }
        let pane = AppScreen.jobPane(done, server: "web-01") ?? []
        #expect(pane.count > 1 && pane[1] == "v2", "\(tmux.screenDump)")
        let detail = AppScreen.jobDetail(done, server: "web-01") ?? ""
        #expect(!detail.isEmpty && !detail.lowercased().contains("fail"), "job detail: \(detail)\n\(tmux.screenDump)")
        // The list's JOB column follows the job too.
        _ = try await tmux.waitUntil("web-01's list row to show SUCCESS") {
            AppScreen.serverRow($0, "web-01")?.hasSuffix("SUCCESS") == true
        }
    }

    @Test("Password reinstall of the Windows server without Cloud-Init goes to v1 and succeeds; --debug logs it, not the password")
    func windowsPasswordReinstallGoesToV1() async throws {
        let binary = try AppBinary.locate()
        let state = try ScratchFolder()
        let tmux = try await TmuxSession(width: 100, height: 30, environment: ["XDG_STATE_HOME": state.url.path])
        try await tmux.launchDemo(binary: binary, arguments: ["--debug"])
        let list = try await tmux.waitFor("DEMO — simulated cloud", "12 servers", "web-01", "imported-app")
        try await select("win-ad-01", in: tmux, list: list)

        try await tmux.press("Enter")
        let form = try await tmux.waitFor(
            "Reinstall the OS of win-ad-01", "V1 POST /v1/{project}/cloudservers/{id}/reinstallos",
            "(•) Password only", "key pair unavailable")
        #expect(AppScreen.endpointReason(form)?.contains("Cloud-Init") == true,
                "the v1 decision must be explained by the missing Cloud-Init\n\(tmux.screenDump)")
        #expect(AppScreen.formLine(form, label: "Key pair") == nil, "no key pair field on v1 Windows\n\(tmux.screenDump)")
        #expect(!form.contains("Stop first"), "win-ad-01 is SHUTOFF: nothing to stop\n\(tmux.screenDump)")

        let password = "Xk7#pQ2v9!Lm"
        try await tmux.press("Tab")  // Login → Password
        try await tmux.type(password)
        try await tmux.press("Tab")  // → Confirm
        try await tmux.type(password)
        let bullets = String(repeating: "•", count: password.count)
        let typed = try await tmux.waitUntil("both fields filled (12 bullets each) and no ✗ in the checklist") {
            AppScreen.formLine($0, label: "Confirm")?.contains("[" + bullets + " ") == true && !$0.contains("✗")
        }
        #expect(typed.contains("(now 12)"), "the length check should count 12 characters\n\(tmux.screenDump)")
        #expect(!typed.contains("complete the checklist first"), "\(tmux.screenDump)")
        #expect(!typed.contains(password), "the password must never be shown in clear\n\(tmux.screenDump)")
        #expect(AppScreen.formLine(typed, label: "Password")?.contains("[" + bullets + " ") == true, "\(tmux.screenDump)")
        #expect(AppScreen.formLine(typed, label: "Confirm")?.contains("[" + bullets + " ") == true, "\(tmux.screenDump)")

        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall win-ad-01 ]")
        try await tmux.press("Enter")
        let review = try await tmux.waitFor("\"adminpass\": \"••••\"", "POST /v1/")
        #expect(!review.contains(password), "the review shows the password as ••••\n\(tmux.screenDump)")
        try await ReinstallDriving.confirmByName(tmux, "win-ad-01")
        let submitted = try await tmux.waitUntil("the Jobs pane with win-ad-01") {
            AppScreen.jobPane($0, server: "win-ad-01") != nil
        }
        #expect(AppScreen.jobPane(submitted, server: "win-ad-01")?[1] == "v1", "\(tmux.screenDump)")
        #expect(!submitted.contains(password), "\(tmux.screenDump)")

        let done = try await tmux.waitUntil("win-ad-01's job to reach SUCCESS", timeout: .seconds(20)) {
            AppScreen.jobPane($0, server: "win-ad-01")?[2] == "SUCCESS"
        }
        #expect(AppScreen.jobPane(done, server: "win-ad-01")?[1] == "v1", "\(tmux.screenDump)")
        #expect(!done.contains(password), "\(tmux.screenDump)")

        // The UI's debug log: the exchanges and the credential source, never the password.
        let log = try String(contentsOfFile: state.path("ecs-reinstall/debug.log"), encoding: .utf8)
        #expect(log.contains("credentials from demo (simulated cloud)"), "\(log)")
        #expect(log.split(separator: "\n").contains { $0.contains("POST http://127.0.0.1:") && $0.contains("/reinstallos 200 in ") },
                "\(log)")
        #expect(!log.contains(password) && !log.contains("adminpass"), "\(log)")
    }

    @Test("A Windows password with 'mini' (a run of Administrator) is refused before anything is sent")
    func windowsPasswordWithAdministratorRunIsRefused() async throws {
        let binary = try AppBinary.locate()
        let tmux = try await TmuxSession(width: 100, height: 30)
        let list = try await tmux.launchDemoAndWaitForList(binary: binary)
        try await select("win-ad-01", in: tmux, list: list)
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of win-ad-01", "V1 POST /v1/", "(•) Password only")

        let password = "Passw0rd!mini"
        var screens: [String] = []
        try await tmux.press("Tab")
        try await tmux.type(password)
        try await tmux.press("Tab")
        try await tmux.type(password)
        let bullets = String(repeating: "•", count: password.count)
        let checklist = try await tmux.waitUntil("both fields filled and a ✗ line naming Administrator") {
            AppScreen.formLine($0, label: "Confirm")?.contains("[" + bullets + " ") == true
                && AppScreen.lines($0).contains { $0.contains("✗") && $0.contains("Administrator") }
        }
        screens.append(checklist)
        let failing = AppScreen.lines(checklist).filter { $0.contains("✗") }
        #expect(failing.count == 1, "only the Administrator run may fail: \(failing)\n\(tmux.screenDump)")
        #expect(failing.first?.contains("3-letter run of Administrator") == true, "the ✗ line names the rule\n\(tmux.screenDump)")
        #expect(failing.first?.contains("'min'") == false, "and never what in the password matched it\n\(tmux.screenDump)")
        #expect(checklist.contains("complete the checklist first"), "\(tmux.screenDump)")

        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall win-ad-01 ]")
        try await tmux.press("Enter")
        let refused = try await tmux.waitUntil("a 'Not sent' line naming the Administrator run") {
            AppScreen.lines($0).contains { $0.contains("Not sent: password:") && $0.contains("Administrator") }
        }
        screens.append(refused)
        #expect(refused.contains("Reinstall the OS of win-ad-01"), "the form must stay open\n\(tmux.screenDump)")
        #expect(!AppScreen.hasJobsPane(refused), "no job may be created\n\(tmux.screenDump)")
        #expect(!refused.contains("Submitting"), "\(tmux.screenDump)")

        // Back in the list: still no job, win-ad-01 untouched.
        try await tmux.press("Escape")
        let back = try await tmux.waitFor("12 servers", "win-ad-01")
        screens.append(back)
        #expect(!AppScreen.hasJobsPane(back), "no job may be created\n\(tmux.screenDump)")
        let row = AppScreen.serverRow(back, "win-ad-01") ?? ""
        #expect(row.contains("SHUTOFF") && !row.contains("SUBMITTED") && !row.contains("SUCCESS"),
                "win-ad-01 must be untouched: \(row)\n\(tmux.screenDump)")

        for screen in screens {
            #expect(!screen.contains(password) && !screen.contains("Passw0rd"),
                    "the password must never be shown in clear:\n\(screen)")
        }
        #expect(AppScreen.formLine(checklist, label: "Password")?.contains("[" + bullets + " ") == true,
                "the password must show as bullets:\n\(checklist)")
    }
}
