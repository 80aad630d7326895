import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

func formContext(_ state: AppState, _ form: ReinstallForm) -> FormContext {
    FormContext(
        image: form.server.imageId.flatMap { state.images[$0] } ?? .failed("the server names no image"),
        keypairs: state.keypairs, userId: state.userId)
}

func reduceFormKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    let context = formContext(state, form)
    if key == .escape {
        form.wipe()
        state.form = nil
        return []
    }
    if form.submitting { return [] }
    form.error = nil
    let fields = form.fields(context)
    if !fields.contains(form.focus) { form.focus = fields.first ?? .submit }

    switch key {
    case .tab:
        form.focus = neighbour(of: form.focus, in: fields, step: 1, wrap: true)
    case .backTab:
        form.focus = neighbour(of: form.focus, in: fields, step: -1, wrap: true)
    case .down:
        form.focus = neighbour(of: form.focus, in: fields, step: 1)
    case .up:
        form.focus = neighbour(of: form.focus, in: fields, step: -1)
    case .enter where form.focus == .submit:
        state.form = form
        return submit(&state, context: context)
    case .enter:
        form.focus = neighbour(of: form.focus, in: fields, step: 1)
    default:
        editFocusedField(&form, key, context)
    }
    state.form = form
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
        if form.keypairAllowed(context).allowed {
            form.login = form.login == .keypair ? .password : .keypair
        }
    case .keypair where key == .left || key == .right:
        let count = context.keypairs.value?.count ?? 0
        guard count > 0 else { return }
        form.keypairIndex = (form.keypairIndex + (key == .right ? 1 : count - 1)) % count
    case .password:
        _ = form.password.apply(key)
    case .confirmation:
        _ = form.confirmation.apply(key)
    case .stopServer where toggles:
        form.withStopServer.toggle()
    default:
        break
    }
}

private func submit(_ state: inout AppState, context: FormContext) -> [Effect] {
    guard var form = state.form else { return [] }
    guard form.canSubmit(context), let decision = context.decision else {
        let failing = form.checklist(context).first { $0.mark != .passed }
        form.error = "Not yet: \(failing?.label ?? "the form is incomplete")"
        state.form = form
        return []
    }
    let login: LoginMethod
    switch form.effectiveLogin(context) {
    case .keypair:
        login = .keypair(name: form.selectedKeypair(context)?.name ?? "")
    case .password:
        login = .password(Secret(form.password.text))
    }
    do {
        let plan = try ReinstallPlan.make(
            server: form.server, api: decision.api, login: login, userId: context.userId.value,
            withStopServer: form.server.isRunning && form.withStopServer)
        form.submitting = true
        state.form = form
        return [.submitReinstall(plan)]
    } catch {
        form.error = error.message
        state.form = form
        return []
    }
}
