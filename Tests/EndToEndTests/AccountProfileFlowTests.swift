import Foundation
import ScreenCapture
import Reinstall
import Testing

/// The TUI, for real (not the demo), against a simulator that refuses what real accounts refuse,
/// with nothing but an ECS agency's temporary credentials: it lists and reinstalls.
@Suite("End to end: the TUI on a real account's refusals", .timeLimit(.minutes(1)))
struct AccountProfileFlowTests {
    @Test("Every refusal at once: agency credentials, EP-scoped user, no IAM read, no KPS, bare metal; list and reinstall")
    func everyRefusalAtOnce() async throws {
        let binary = try AppBinary.locate()
        let simulator = try await StandaloneSimulator(extra: AccountProfile.allRefusals())
        let home = try ScratchFolder()
        let tmux = try await TmuxSession(width: 120, height: 30)
        try await tmux.launchOnAgency(binary: binary, simulator: simulator, home: home)

        // The list: the agency's credentials, the project from the metadata service, every granted
        // enterprise project and no bare metal.
        let list = try await tmux.waitFor("ECS agency", "\(AccountProfile.grantedServers) servers", "web-01")
        let header = AppScreen.lines(list).first ?? ""
        #expect(header.contains("REAL") && header.contains("ECS agency"),
                "the header names a real account and the credentials' source\n\(tmux.screenDump)")
        #expect(!list.contains("DEMO"), "a real account, not the demo\n\(tmux.screenDump)")
        try await tmux.press("/")
        try await tmux.type("bms-node")
        try await tmux.waitFor("no match")
        try await tmux.press("Escape")
        try await tmux.waitFor("\(AccountProfile.grantedServers) servers")
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }

        // The form: key pairs from ECS (no KPS), the user id unknown (no IAM read) and said, not failed.
        try await tmux.press("Enter")
        try await tmux.waitFor("Reinstall the OS of web-01", "V2 POST /v2/{project}/cloudservers/{id}/reinstallos")
        let form = try await tmux.waitUntil("the web-01 form to be complete (no ✗, no 'complete the checklist first')") {
            !$0.contains("✗") && !$0.contains("complete the checklist first") && $0.contains("ops-ed25519 ▸ (current)")
                && $0.contains(DraftValidation.userIdUnknownLabel)
        }
        #expect(form.contains("key pair 'ops-ed25519' exists"), "\(tmux.screenDump)")
        #expect(!form.contains("IAM user id known"), "\(tmux.screenDump)")
        #expect(AppScreen.formLine(form, label: "Login")?.contains("(•) Key pair") == true, "\(tmux.screenDump)")

        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall web-01 ]", fromKeypairLogin: true)
        try await tmux.press("Enter")
        let review = try await tmux.waitFor("Review: reinstall the OS of web-01", "\"keyname\": \"ops-ed25519\"")
        #expect(!review.contains("\"userid\""), "userid is left out when not known\n\(tmux.screenDump)")
        try await ReinstallDriving.confirmByName(tmux, "web-01")

        let done = try await tmux.waitUntil("web-01's job to reach SUCCESS", timeout: .seconds(30)) {
            AppScreen.jobPane($0, server: "web-01")?[2] == "SUCCESS"
        }
        #expect(AppScreen.jobPane(done, server: "web-01")?[1] == "v2", "\(tmux.screenDump)")
        #expect(!done.contains("DEMO"), "\(tmux.screenDump)")

        try await tmux.press("q")
        try await tmux.waitFor("EXITED=0")
    }

    @Test("Temporary credentials that last 2 s are renewed all through a session: list, reinstall, job, refresh")
    func shortLivedAgencyCredentials() async throws {
        let binary = try AppBinary.locate()
        // A job of 6 s followed every 2 s: the credentials the session started with expire
        // several times over before it ends, and every request must still be accepted.
        let simulator = try await StandaloneSimulator(
            extra: AccountProfile.allRefusals(temporaryCredentialsSeconds: 2, logRequests: true) + ["--job-seconds", "6"])
        let home = try ScratchFolder()
        let tmux = try await TmuxSession(width: 120, height: 30)
        try await tmux.launchOnAgency(binary: binary, simulator: simulator, home: home)
        try await tmux.waitFor("ECS agency", "\(AccountProfile.grantedServers) servers", "web-01")
        try await tmux.waitUntil("web-01 selected at start", escapes: true) { AppScreen.selectedServer($0) == "web-01" }

        try await tmux.press("Enter")
        try await tmux.waitUntil("the web-01 form to be complete") {
            $0.contains("Reinstall the OS of web-01") && !$0.contains("✗") && !$0.contains("complete the checklist first")
                && $0.contains("ops-ed25519 ▸ (current)")
        }
        try await ReinstallDriving.focusSubmit(tmux, button: "[ Reinstall web-01 ]", fromKeypairLogin: true)
        try await tmux.press("Enter")
        try await ReinstallDriving.confirmByName(tmux, "web-01")
        let done = try await tmux.waitUntil("web-01's job to reach SUCCESS", timeout: .seconds(40)) {
            AppScreen.jobPane($0, server: "web-01")?[2] == "SUCCESS"
        }
        #expect(!done.contains("expired") && !done.contains("APIGW"), "\(tmux.screenDump)")

        // A refresh after all that: listed again on credentials renewed since.
        let reads = simulator.securityKeyReads
        try await tmux.press("r")
        try await tmux.waitUntil("a refresh to read new credentials and list again") { screen in
            simulator.securityKeyReads > reads && screen.contains("\(AccountProfile.grantedServers) servers")
                && !screen.contains("refreshing")
        }
        let after = try await tmux.capture()
        #expect(!after.contains("Could not") && !after.contains("expired"), "\(tmux.screenDump)")
        #expect(simulator.securityKeyReads >= 3, "renewed from the metadata service: \(simulator.securityKeyReads) reads")
    }

    @Test("A user authorised per enterprise project, narrowed to one not granted, is told on screen which permission is missing, at 80 columns")
    func enterpriseProjectNotGranted() async throws {
        let binary = try AppBinary.locate()
        let simulator = try await StandaloneSimulator(extra: AccountProfile.allRefusals())
        let home = try ScratchFolder()
        let tmux = try await TmuxSession(width: 80, height: 24)
        try await tmux.launchOnAgency(binary: binary, simulator: simulator, home: home,
                                      arguments: ["--enterprise-project", AccountProfile.secondEP])
        let screen = try await tmux.waitFor("Could not list servers", "ECS agency")
        let text = AppScreen.lines(screen).joined(separator: " ").split(separator: " ").joined(separator: " ")
        for words in ["Ecs.0110", "ecs:cloudServers:list", "enterprise project \(AccountProfile.secondEP)"] {
            #expect(text.contains(words), "the screen must say \(words)\n\(tmux.screenDump)")
        }
        try await tmux.press("q")
        try await tmux.waitFor("EXITED=")
    }
}
