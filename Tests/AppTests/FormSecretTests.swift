import Foundation
import HuaweiCloud
import Reinstall
import SecretStorage
import TerminalKit
import Testing

@testable import App

/// The form's password lives in its fields' own buffers: shared by copies of the form, the draft
/// and the plan under review, zeroed when the form closes.
@Suite struct FormSecretTests {
    static let password = "Xk7#pQ2v9!Lm"

    private func typedWindowsForm() -> AppState {
        var state = Fixtures.formState(for: Fixtures.windows, image: Fixtures.windowsImage)
        FormKeys.focus(.password, in: &state)
        FormKeys.type(Self.password, into: &state)
        FormKeys.focus(.confirmation, in: &state)
        FormKeys.type(Self.password, into: &state)
        return state
    }

    private func zeroed(_ secret: Secret) -> Bool {
        secret.isEmpty && secret.rawStorage().allSatisfy { $0 == 0 }
    }

    @Test func escOnTheFormWipesBothFields() throws {
        var state = typedWindowsForm()
        let form = try #require(state.form)
        let password = form.password.secret, confirmation = form.confirmation.secret
        #expect(password == Secret(Self.password))
        _ = reduce(&state, .key(.escape))
        #expect(state.form == nil)
        #expect(zeroed(password), "Esc closes the form and zeroes the password's buffer")
        #expect(zeroed(confirmation))
    }

    @Test func escOnTheReviewKeepsThePasswordThenEscAgainWipesIt() throws {
        var state = typedWindowsForm()
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        let secret = try #require(state.form?.password.secret)
        guard case let .review(plan)? = state.form?.stage else {
            Issue.record("expected the review step")
            return
        }
        #expect(plan.request.adminPass === secret, "the plan under review holds the field's buffer, not a copy")
        _ = reduce(&state, .key(.escape))
        #expect(state.form?.password.secret == Secret(Self.password), "back to the fields, the password kept")
        _ = reduce(&state, .key(.escape))
        #expect(zeroed(secret))
    }

    /// Leaving the app (what `TerminalApp` does on q or a signal) zeroes the open form's password.
    @MainActor
    @Test func closingTheAppWipesIt() throws {
        let state = typedWindowsForm()
        let secret = try #require(state.form?.password.secret)
        let confirmation = try #require(state.form?.confirmation.secret)
        // A cloud that is never reached: the runtime is not started.
        let client = CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                                 endpoints: Endpoints(region: "cn-north-4", override: URL(string: "http://127.0.0.1:9")),
                                 projectId: "p", transport: HTTPClientTransport(proxies: .direct))
        let runtime = AppRuntime(state: state, terminal: MemoryTerminal(), client: client, journal: nil)
        #expect(!zeroed(secret), "the password is typed before leaving")
        _ = runtime.leave()
        #expect(zeroed(secret), "leaving zeroes the password's buffer")
        #expect(zeroed(confirmation))
    }

    @Test func afterSubmitTheFormsPasswordIsWipedAndTheSubmissionHoldsItsOwn() throws {
        var state = typedWindowsForm()
        let secret = try #require(state.form?.password.secret)
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        let sent = try #require(plan.request.adminPass)
        #expect(sent == Secret(Self.password))
        #expect(sent !== secret, "the POST may outlive the form: it has a buffer of its own")
        _ = reduce(&state, .reinstallAccepted(jobId: "job-1", serverId: Fixtures.windows.id, serverName: "win-ad-01",
                                              api: .v1, at: Fixtures.now))
        #expect(state.form == nil)
        #expect(zeroed(secret), "accepted: the form's password is zeroed")
    }

    @Test func escWhileSubmittingWipesTheFormButNotTheRequestInFlight() throws {
        var state = typedWindowsForm()
        let secret = try #require(state.form?.password.secret)
        let sent = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state))?.request.adminPass)
        _ = reduce(&state, .key(.escape))
        #expect(zeroed(secret))
        #expect(sent == Secret(Self.password), "the request being sent still holds the password")
    }

    @Test func copyingAFormDoesNotDuplicateTheSecret() throws {
        let state = typedWindowsForm()
        let form = try #require(state.form)
        let copy = form
        #expect(copy.password.secret === form.password.secret)
        #expect(copy.password.secret.storageAddress == form.password.secret.storageAddress)
        let copiedState = state
        #expect(copiedState.form?.password.secret.storageAddress == form.password.secret.storageAddress)
        // The draft both front ends judge holds the same buffers too.
        let context = try #require(FormKeys.context(state))
        guard case let .password(password, confirmation) = form.draft(context).login else {
            Issue.record("expected a password login")
            return
        }
        #expect(password === form.password.secret)
        #expect(confirmation === form.confirmation.secret)
    }
}
