import Foundation
import ScreenCapture
import Testing

@testable import App

/// Reinstall flows of the whole app in process, against the simulator over loopback: the keys an
/// operator presses, the screens they see, and what reaches the cloud.
@MainActor
@Suite(.timeLimit(.minutes(1)))
struct ReinstallFlowInProcessTests {
    @Test("Key-pair reinstall of the Cloud-Init Linux server goes to v2 and succeeds")
    func keypairReinstallGoesToV2() async throws {
        let app = try await InProcessApp.start()
        #expect(AppScreen.serverNames(app.screen).first == "web-01", "\(app.screen)")
        #expect(app.isReversed("web-01"), "web-01 selected at start\n\(app.screen)")

        app.press(.enter)
        await app.untilIdle()
        let form = app.screen
        #expect(form.contains("Reinstall the OS of web-01"), "\(form)")
        #expect(form.contains("V2 POST /v2/{project}/cloudservers/{id}/reinstallos"), "\(form)")
        #expect(!form.contains("✗") && !form.contains("complete the checklist first"), "\(form)")
        #expect(form.contains("ops-ed25519 ▸ (current)"), "\(form)")
        #expect(AppScreen.endpointReason(form)?.contains("Cloud-Init") == true, "v2 is explained by Cloud-Init\n\(form)")
        let login = AppScreen.formLine(form, label: "Login")
        #expect(login?.contains("(•) Key pair") == true, "the login defaults to the key pair\n\(form)")
        #expect(login?.contains("( ) Password") == true, "\(form)")
        #expect(AppScreen.formLine(form, label: "Password") == nil, "no password field with a key pair\n\(form)")

        app.press(.backTab, .backTab)  // login → endpoint → (wrapping) the button
        #expect(app.isReversed("[ Reinstall web-01 ]"), "\(app.screen)")
        app.press(.enter)
        #expect(app.screen.contains("Review: reinstall the OS of web-01"), "\(app.screen)")
        app.type("web-01")
        #expect(app.screen.contains("Enter sends it"), "\(app.screen)")
        app.press(.enter)
        await app.untilIdle()

        #expect(!app.screen.contains("Reinstall the OS of"), "the form closes once sent\n\(app.screen)")
        #expect(AppScreen.jobPane(app.screen, server: "web-01")?[1] == "v2", "\(app.screen)")
        #expect(await app.cloud.reinstallPosts() == 1)

        app.cloud.finishJobs()
        await app.until { AppScreen.jobPane($0.screen, server: "web-01")?[2] == "SUCCESS" }
        let detail = AppScreen.jobDetail(app.screen, server: "web-01") ?? ""
        #expect(!detail.isEmpty && !detail.lowercased().contains("fail"), "job detail: \(detail)\n\(app.screen)")
        // The list's JOB column follows the job too.
        await app.until { AppScreen.serverRow($0.screen, "web-01")?.hasSuffix("SUCCESS") == true }
        await app.stop()
    }

    @Test("Password reinstall of the Windows server without Cloud-Init goes to v1 and succeeds")
    func windowsPasswordReinstallGoesToV1() async throws {
        let app = try await InProcessApp.start()
        app.select("win-ad-01")
        #expect(app.selectedServer == "win-ad-01")
        app.press(.enter)
        await app.untilIdle()
        let form = app.screen
        for text in ["Reinstall the OS of win-ad-01", "V1 POST /v1/{project}/cloudservers/{id}/reinstallos",
                     "(•) Password only", "key pair unavailable"] {
            #expect(form.contains(text), "\(text)\n\(form)")
        }
        #expect(AppScreen.endpointReason(form)?.contains("Cloud-Init") == true, "v1 is explained by the missing Cloud-Init\n\(form)")
        #expect(AppScreen.formLine(form, label: "Key pair") == nil, "no key pair field on v1 Windows\n\(form)")
        #expect(!form.contains("Stop first"), "win-ad-01 is SHUTOFF: nothing to stop\n\(form)")

        let password = "Xk7#pQ2v9!Lm"
        app.press(.tab)  // Login → Password
        app.type(password)
        app.press(.tab)  // → Confirm
        app.type(password)
        let bullets = String(repeating: "•", count: password.count)
        let typed = app.screen
        #expect(AppScreen.formLine(typed, label: "Password")?.contains("[" + bullets + " ") == true, "\(typed)")
        #expect(AppScreen.formLine(typed, label: "Confirm")?.contains("[" + bullets + " ") == true, "\(typed)")
        #expect(!typed.contains("✗") && !typed.contains("complete the checklist first"), "\(typed)")
        #expect(typed.contains("(now 12)"), "the length check counts 12 characters\n\(typed)")

        app.press(.down, times: 10)
        #expect(app.isReversed("[ Reinstall win-ad-01 ]"), "\(app.screen)")
        app.press(.enter)
        #expect(app.screen.contains("\"adminpass\": \"••••\"") && app.screen.contains("POST /v1/"), "\(app.screen)")
        app.type("win-ad-01")
        app.press(.enter)
        await app.untilIdle()
        #expect(AppScreen.jobPane(app.screen, server: "win-ad-01")?[1] == "v1", "\(app.screen)")

        app.cloud.finishJobs()
        await app.until { AppScreen.jobPane($0.screen, server: "win-ad-01")?[2] == "SUCCESS" }
        #expect(AppScreen.jobPane(app.screen, server: "win-ad-01")?[1] == "v1", "\(app.screen)")
        #expect(!app.everyFrame.contains { $0.contains(password) }, "the password is never shown in clear")
        await app.stop()
    }

    @Test("A Windows password with 'mini' (a run of Administrator) is refused before anything is sent")
    func windowsPasswordWithAdministratorRunIsRefused() async throws {
        let app = try await InProcessApp.start()
        app.select("win-ad-01")
        app.press(.enter)
        await app.untilIdle()
        #expect(app.screen.contains("(•) Password only"), "\(app.screen)")

        let password = "Passw0rd!mini"
        app.press(.tab)
        app.type(password)
        app.press(.tab)
        app.type(password)
        let checklist = app.screen
        let failing = app.lines.filter { $0.contains("✗") }
        #expect(failing.count == 1, "only the Administrator run fails: \(failing)\n\(checklist)")
        #expect(failing.first?.contains("3-letter run of Administrator") == true, "the ✗ line names the rule\n\(checklist)")
        #expect(failing.first?.contains("'min'") == false, "and never what in the password matched it\n\(checklist)")
        #expect(checklist.contains("complete the checklist first"), "\(checklist)")

        app.press(.down, times: 10)
        app.press(.enter)
        await app.untilIdle()
        let refused = app.screen
        #expect(app.lines.contains { $0.contains("Not sent: password:") && $0.contains("Administrator") }, "\(refused)")
        #expect(refused.contains("Reinstall the OS of win-ad-01"), "the form stays open\n\(refused)")
        #expect(!AppScreen.hasJobsPane(refused) && !refused.contains("Submitting"), "no job is created\n\(refused)")

        app.press(.escape)
        let row = AppScreen.serverRow(app.screen, "win-ad-01") ?? ""
        #expect(row.contains("SHUTOFF") && !row.contains("SUBMITTED") && !row.contains("SUCCESS"), "untouched: \(row)")
        #expect(!AppScreen.hasJobsPane(app.screen), "\(app.screen)")
        #expect(await app.cloud.reinstallPosts() == 0, "nothing reached the cloud")
        #expect(!app.everyFrame.contains { $0.contains(password) || $0.contains("Passw0rd") }, "never shown in clear")
        await app.stop()
    }

    @Test("Only the exact server name sends the reinstall; Esc goes back to the form with values kept")
    func onlyTheExactNameSends() async throws {
        let app = try await InProcessApp.start()
        app.press(.enter)
        await app.untilIdle()
        #expect(app.screen.contains("Enter: review what will be sent"), "\(app.screen)")
        // Ubuntu offers no BYOL (it is for Windows and licensed images). Another key pair than the
        // server's, so the review must show it and Esc must keep it; then the button, then Enter.
        #expect(!app.screen.contains("bring your own licence"), "\(app.screen)")
        app.press(.tab, .left)
        #expect(app.screen.contains("deploy-rsa") && !app.screen.contains("ops-ed25519 ▸ (current)"), "\(app.screen)")
        app.press(.backTab, .backTab, .backTab, .enter)  // key pair → login → endpoint → (wrapping) the button

        let review = app.screen
        #expect(review.contains("Review: reinstall the OS of web-01") && review.contains("Type the name or the id"), "\(review)")
        for text in ["POST /v2/", "\"keyname\": \"deploy-rsa\"", "\"mode\": \"withStopServer\""] {
            #expect(review.contains(text), "\(text)\n\(review)")
        }

        // Enter-Enter does nothing: an empty or wrong name is refused and nothing is sent.
        app.press(.enter)
        #expect(app.screen.contains("Type the server's name (or its id) to confirm: web-01"), "\(app.screen)")
        app.type("web-0")
        app.press(.enter)
        await app.untilIdle()
        #expect(app.screen.contains("That is neither the server's name nor its id: type web-01 exactly"), "\(app.screen)")
        #expect(!AppScreen.hasJobsPane(app.screen))

        // Esc goes back to the form, the choices kept.
        app.press(.escape)
        #expect(app.screen.contains("deploy-rsa") && !app.screen.contains("Review:"), "the key pair chosen is kept\n\(app.screen)")

        app.press(.enter)
        app.type("web-01")
        #expect(app.screen.contains("Enter sends it"), "\(app.screen)")
        app.press(.enter)
        await app.untilIdle()
        #expect(!app.screen.contains("Review:"), "the form closes once sent\n\(app.screen)")
        #expect(AppScreen.jobPane(app.screen, server: "web-01")?[1] == "v2", "\(app.screen)")
        #expect(await app.cloud.reinstallPosts() == 1)
        await app.stop()
    }
}
