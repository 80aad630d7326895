import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

func formContext(_ state: AppState, _ form: ReinstallForm) -> FormContext {
    FormContext(
        image: form.server.imageId.flatMap { state.images[$0] } ?? .failed("the server names no image"),
        keypairs: state.keypairs, userId: state.userId,
        override: state.endpointOverrides[endpointOverrideKey(form.server)])
}

/// Overrides are remembered per image: every server of that image gets the operator's choice.
func endpointOverrideKey(_ server: Server) -> String {
    server.imageId.map { "image:\($0)" } ?? "server:\(server.id)"
}

/// Ctrl-R shows or hides the password fields' text.
let revealKey = Key.character("\u{12}")

/// Keys while the form is open: its actions (`FormActions`, which follow the focused field), and
/// any other key is typed into the focused field.
func reduceFormKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let form = state.form else { return [] }
    let actions = form.isReviewing ? FormActions.review(state) : FormActions.editing(state)
    return actions.dispatch(key, &state) ?? typeIntoForm(&state, key)
}

/// Esc: from the review back to the fields, every value kept; from the fields (or with a submit
/// in flight) the form closes.
func leaveForm(_ state: inout AppState) -> [Effect] {
    // The state lets go of the form first, so the wipe zeroes the only copy in place.
    guard var form = state.form else { return [] }
    state.form = nil
    if form.isReviewing && !form.submitting {
        form.wipeReview()
        state.form = form
    } else {
        // Closing while a submit is in flight is fine: its answer becomes a pane or a flash.
        form.wipe()
    }
    return []
}

/// A key of the form other than Esc and the help: it edits, moves or confirms.
func typeIntoForm(_ state: inout AppState, _ key: Key) -> [Effect] {
    // The form is taken out of the state while a key changes it, so its fields are held once and
    // are edited in place: a copy per key would make a long paste cost its length squared.
    guard var form = state.form, !form.submitting else { return [] }
    state.form = nil
    if case let .review(plan) = form.stage, ReviewPage.scrollKeys.contains(key) {
        state.form = form
        if let scroll = ReviewPage(state, form, plan, Layout(state)).scroll(form.reviewScroll, after: key) {
            // The arrows and pages scroll the request body (the name field has no use for them);
            // an error stays in view while the operator reads.
            state.form?.reviewScroll = scroll
            return []
        }
        state.form = nil
    }
    form.error = nil
    if case let .review(plan) = form.stage {
        if key == .enter { return confirm(&state, form, plan) }
        _ = form.confirmName.apply(key)
        state.form = form
        return []
    }
    state.form = form
    return reduceEditKey(&state, key)
}

private func reduceEditKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    state.form = nil  // held once while edited, as in typeIntoForm
    let context = formContext(state, form)
    let fields = form.fields(context)
    if !fields.contains(form.focus) { form.focus = fields.first ?? .submit }
    let before = form.focus
    // Kept over a Tab: a second Tab on the same matches moves on (see reduceUserDataCompletions).
    if form.focus == .userData && key != .tab { form.options.userDataHint = nil }
    if case .reading = form.options.userData { form.options.typedWhileReading = true }

    switch key {
    case .tab where form.focus == .userData && form.options.hasUserDataPath:
        // Tab completes the path (listing the folder is an effect); once it names a file, Tab moves on.
        let typed = form.options.userDataPath.text
        state.form = form
        return [.completeUserDataPath(typed)]
    case .tab:
        form.focus = neighbour(of: form.focus, in: fields, step: 1, wrap: true)
    case .backTab:
        form.focus = neighbour(of: form.focus, in: fields, step: -1, wrap: true)
    case .down where form.focus == .keypair && !form.keypair.matching(context.keypairs.value ?? []).isEmpty,
         .up where form.focus == .keypair && !form.keypair.matching(context.keypairs.value ?? []).isEmpty:
        // Inside the picker's list the arrows move the choice, as they do in every list.
        form.keypair.move(key == .down ? 1 : -1, in: context.keypairs.value ?? [], wrapping: false)
    case .down:
        form.focus = neighbour(of: form.focus, in: fields, step: 1)
    case .up:
        form.focus = neighbour(of: form.focus, in: fields, step: -1)
    case .enter where form.focus == .submit:
        state.form = form
        return review(&state, context: context)
    case .enter:
        form.focus = neighbour(of: form.focus, in: fields, step: 1)
    case revealKey where form.focus == .password || form.focus == .confirmation:
        form.toggleReveal()
    case .left where form.focus == .endpoint, .right where form.focus == .endpoint,
         .character(" ") where form.focus == .endpoint:
        // The operator may know the image better than its attributes: the first press confirms
        // the suggestion (it is what they were looking at), the next ones flip v1/v2; remembered.
        if let current = context.decision?.api {
            state.endpointOverrides[endpointOverrideKey(form.server)] =
                context.override == nil ? current : current == .v1 ? .v2 : .v1
        }
    default:
        editFocusedField(&form, key, context)
    }
    state.form = form
    if before == .userData && form.focus != .userData { return readUserDataIfChanged(&state) }
    return []
}

/// The next field in focus order; Tab wraps around, the arrows stop at the ends.
private func neighbour(
    of field: ReinstallForm.Field, in fields: [ReinstallForm.Field], step: Int, wrap: Bool = false
) -> ReinstallForm.Field {
    guard let index = fields.firstIndex(of: field) else { return fields.first ?? .submit }
    if wrap { return fields[(index + step + fields.count) % fields.count] }
    return fields[min(max(index + step, 0), fields.count - 1)]
}

private func editFocusedField(_ form: inout ReinstallForm, _ key: Key, _ context: FormContext) {
    let toggles = key == .left || key == .right || key == .character(" ")
    switch form.focus {
    case .login where toggles:
        // Through the logins offered: key pair, password, and on v2 none (the user data creates it).
        let choices = form.loginChoices(context)
        let current = choices.firstIndex(of: form.effectiveLogin(context)) ?? 0
        form.login = choices[(current + (key == .left ? -1 : 1) + choices.count) % choices.count]
    case .keypair where key == .left || key == .right:
        form.keypair.move(key == .right ? 1 : -1, in: context.keypairs.value ?? [])
    case .keypair:
        // Typing filters the list by name, type or fingerprint.
        _ = form.keypair.filter.apply(key)
    case .password:
        _ = form.password.apply(key)
    case .confirmation:
        _ = form.confirmation.apply(key)
    case .stopServer where toggles:
        form.withStopServer.toggle()
    case .userData:
        _ = form.options.userDataPath.apply(key)
    case .encrypt where toggles:
        form.options.encrypted.toggle()
    case .cmkId:
        _ = form.options.cmkId.apply(key)
    case .byol where toggles:
        form.options.byol.toggle()
    default:
        break
    }
}

/// The answer of `.completeUserDataPath`, applied only if the path is still the one typed.
func reduceUserDataCompletions(_ state: inout AppState, typed: String, candidates: [String]) -> [Effect] {
    guard var form = state.form, form.focus == .userData, !form.isReviewing,
          form.options.userDataPath.text == typed
    else { return [] }
    state.form = nil
    switch PathCompletion(typed: typed, candidates: candidates) {
    case let .completed(path):
        form.options.userDataPath = TextField(text: path, maxLength: InputLimits.userDataPath)
        form.options.userDataHint = nil
    case let .ambiguous(all) where form.options.userDataHint != PathCompletion.listing(all):
        form.options.userDataHint = PathCompletion.listing(all)
    case .ambiguous, .noMatch, .complete:
        // Nothing to add (or the matches already listed): Tab takes its usual meaning, and leaving
        // the field reads the file, whose failure brings the focus back saying what is wrong. A
        // path whose failure is already shown is not read again: Tab then leaves it for good.
        form.options.userDataHint = nil
        let fields = form.fields(formContext(state, form))
        form.focus = neighbour(of: .userData, in: fields, step: 1, wrap: true)
        let failedAlready = if case let .failed(path, _) = form.options.userData { path == form.options.userDataPathText } else { false }
        state.form = form
        return failedAlready ? [] : readUserDataIfChanged(&state)
    }
    state.form = form
    return []
}

/// Reading the file is an effect; the form shows "reading…" until the answer comes.
private func readUserDataIfChanged(_ state: inout AppState) -> [Effect] {
    guard var form = state.form else { return [] }
    let path = form.options.userDataPathText
    if path.isEmpty {
        form.options.userData = .none
        state.form = form
        return []
    }
    if form.options.userData.path == path, form.options.userData.loaded != nil { return [] }
    form.options.userData = .reading(path: path)
    form.options.typedWhileReading = false
    state.form = form
    return [.readUserData(path: path)]
}

/// The answer of `.readUserData`: the size and kind rules are checked here, not in the runner.
/// A file that cannot be used brings the focus back to its path, where the error is shown.
func reduceUserDataRead(_ state: inout AppState, path: String, result: Result<Data, UserDataReadError>) -> [Effect] {
    guard var form = state.form, form.options.userData == .reading(path: path) else { return [] }
    state.form = nil
    defer {
        if case .failed = form.options.userData, !form.isReviewing, !form.options.typedWhileReading {
            form.focus = .userData
        }
        state.form = form
    }
    switch result {
    case let .success(bytes):
        do {
            form.options.userData = .loaded(try UserData(path: path, bytes: bytes))
        } catch {
            form.options.userData = .failed(path: path, error.message)
        }
    case let .failure(error):
        form.options.userData = .failed(path: path, "user data: \(error.message)")
    }
    return []
}

/// Builds exactly what will be sent and moves to the review step.
private func review(_ state: inout AppState, context: FormContext) -> [Effect] {
    guard var form = state.form else { return [] }
    if let mark = state.submissions[form.server.id] {
        // Disarmed: a submission of this server is in flight or its outcome is unclear.
        form.error = mark.advice ?? mark.whyNoReinstall
        state.form = form
        return []
    }
    if let refusal = form.refusal(context) {
        form.error = refusal
        state.form = form
        return []
    }
    do {
        form.stage = .review(try form.draft(context).plan())
        form.confirmName = ReinstallForm.emptyConfirmation(form.server)
    } catch {
        form.error = error.message
    }
    state.form = form
    return []
}

/// The typed confirmation: only the server's name as shown (or its id) sends the request.
private func confirm(_ state: inout AppState, _ form: ReinstallForm, _ plan: ReinstallPlan) -> [Effect] {
    var form = form
    guard form.confirmationMatches else {
        form.error = form.confirmName.text.isEmpty
            ? "Type the server's name (or its id) to confirm: \(form.shownName)"
            : form.confirmName.overflowed
            ? "That is far longer than the server's name (cut at \(form.confirmName.maxLength) characters): type \(form.shownName)"
            : "That is neither the server's name nor its id: type \(form.shownName) exactly"
        state.form = form
        return []
    }
    if let mark = state.submissions[form.server.id] {
        form.wipeReview()
        form.error = mark.advice ?? mark.whyNoReinstall
        state.form = form
        return []
    }
    form.submitting = true
    state.form = form
    markSubmitting(&state, plan)
    // The submission gets a buffer of its own: the operator may close the form (zeroing the
    // field's) while the POST is in flight. The effect runner zeroes it once the POST is over.
    var sent = plan
    sent.request.adminPass = plan.request.adminPass?.copy()
    return [.submitReinstall(sent)]
}

/// A refused submit: back to the fields with every value kept and the error (with its fix) shown.
func reduceFormSubmitFailed(_ state: inout AppState, message: String) {
    guard var form = state.form else { return }
    state.form = nil
    form.submitting = false
    form.wipeReview()
    form.focus = .submit
    form.error = message
    state.form = form
}
