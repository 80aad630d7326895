import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

/// `userid` is optional: whatever became of the IAM user id lookup, a key pair may be sent.
struct FormUserIdTests {
    static let notKnown = ChecklistItem(DraftValidation.userIdUnknownLabel, .notApplicable)

    private func keypairForm(userId: AppEvent?) -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        if let userId { _ = reduce(&state, userId) }
        return state
    }

    @Test(arguments: [
        AppEvent.userIdLoaded(nil),
        .userIdFailed(.transport("the connection was refused")),
        .userIdFailed(.api(status: 403, code: "IAM.0002", message: "not authorized", requestId: nil)),
    ])
    func anUnknownUserIdIsSaidAndTheKeyPairIsSentWithoutIt(event: AppEvent) throws {
        var state = keypairForm(userId: event)
        #expect(FormKeys.checklist(state).contains(Self.notKnown))
        #expect(!FormKeys.checklist(state).contains { $0.mark == .failed })
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.keyName == "deploy-rsa" && plan.request.userId == nil)
    }

    @Test func aKnownUserIdIsSentAsUserid() throws {
        var state = keypairForm(userId: nil)
        #expect(FormKeys.checklist(state).contains(ChecklistItem("IAM user id known (userid)", .passed)))
        let plan = try #require(FormKeys.plan(FormKeys.reviewAndConfirm(&state)))
        #expect(plan.request.userId == "user-7e25")
    }

    @Test func aLookupStillRunningHoldsTheReviewUntilItAnswers() {
        var state = keypairForm(userId: nil)
        state.userId = .loading
        #expect(FormKeys.checklist(state).contains(ChecklistItem("IAM user id: looking up…", .notApplicable)))
        #expect(state.form.map { !$0.canSubmit(formContext(state, $0)) } == true)
    }
}
