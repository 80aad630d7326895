import TerminalKit

/// The reinstall form's actions. They follow the focused field, since ↑↓, Tab and Enter mean more
/// than "next field" on some of them (the key pair list, the path's completion); any key that is
/// no action is typed into the focused field. `?` is typed there too, so the help is also on F1.
enum FormActions {
    /// While the fields are edited.
    static func editing(_ state: AppState) -> [Action] {
        guard let form = state.form else { return [] }
        let focus = focusedField(state, form)
        let onText = textFields.contains(focus)
        let inPicker = focus == .keypair
            && !form.keypair.matching(formContext(state, form).keypairs.value ?? []).isEmpty
        // What the focused field adds comes first: a narrow footer drops hints from the end.
        var actions: [Action] = []
        if focus == .keypair {
            actions.append(edit([.left, .right], "←→", "choose the previous / next key pair"))
            actions.append(Action(keys: [], keyLabel: "type", label: "filter the key pairs by name, type or fingerprint",
                                  footer: "type filter", perform: { state, key in typeIntoForm(&state, key) }))
        } else if choiceFields.contains(focus) {
            actions.append(edit([.left, .right, .character(" ")], "←→ Space",
                                focus == .endpoint ? "confirm the API, then switch v1 / v2 (kept for the image)"
                                    : "change the choice", footer: "←→ choose"))
        }
        if focus == .password || focus == .confirmation {
            actions.append(edit([revealKey], "^R", "show or hide the passwords", footer: "^R reveal"))
        }
        if inPicker {
            actions.append(edit([.up, .down], "↑↓", "choose a key pair from the list", footer: "↑↓ choose"))
        } else {
            actions.append(edit([.up, .down], "↑↓", "previous / next field", footer: "↑↓ field"))
        }
        if focus == .userData && form.options.hasUserDataPath {
            actions.append(edit([.tab], "Tab", "complete the path; once it names a file, the next field",
                                footer: "Tab complete"))
        } else {
            actions.append(edit([.tab], "Tab", "next field (from the last, the first)", footer: "Tab field"))
        }
        if onText {
            actions += LineEditKeys.actions { state, key in typeIntoForm(&state, key) }
        }
        if focus == .submit {
            // On the button, Enter is what the operator came for.
            actions.insert(edit([.enter], "Enter", "review exactly what will be sent", footer: "Enter review"), at: 0)
        } else {
            actions.append(edit([.enter], "Enter", focus == .userData ? "read the file, then the next field" : "next field",
                                footer: "Enter next"))
        }
        actions.append(edit([.backTab], "⇧Tab", "previous field (from the first, the last)"))
        actions.append(onText ? helpAction(keys: [.function(1)], keyLabel: "F1", footer: "F1 help")
                              : helpAction(keys: [.function(1), .character("?")], keyLabel: "F1 ?", footer: "F1/? help"))
        actions.append(Action(keys: [.escape], keyLabel: "Esc", label: "close the form: nothing is sent",
                              footer: "Esc back", perform: { state, _ in leaveForm(&state) }))
        return actions
    }

    /// On the review: the name is typed to confirm, Enter sends. While the request is on its way
    /// only Esc acts (and the help): the answer still arrives.
    static func review(_ state: AppState) -> [Action] {
        guard let form = state.form else { return [] }
        if form.submitting {
            return [
                helpAction(keys: [.function(1)], keyLabel: "F1", footer: "F1 help"),
                Action(keys: [.escape], keyLabel: "Esc", label: "close the form: the answer still arrives as a job or a message",
                       footer: "Esc close", perform: { state, _ in leaveForm(&state) }),
            ]
        }
        return [
            Action(keys: [.enter], keyLabel: "Enter", label: "send the reinstall, once the name is typed", dangerous: true,
                   footer: "Enter send", perform: { state, key in typeIntoForm(&state, key) }),
            Action(keys: [], keyLabel: "type", label: "the server's name as shown (or its id) to confirm",
                   footer: "type the name", perform: { state, key in typeIntoForm(&state, key) }),
        ] + LineEditKeys.actions { state, key in typeIntoForm(&state, key) } + [
            Action(keys: ReviewPage.scrollKeys, keyLabel: "↑↓ PgUp PgDn", label: "scroll the request body",
                   footer: "↑↓ scroll", availability: reviewScroll, quietWhenDisabled: true,
                   perform: { state, key in typeIntoForm(&state, key) }),
            helpAction(keys: [.function(1)], keyLabel: "F1", footer: "F1 help"),
            Action(keys: [.escape], keyLabel: "Esc", label: "back to the fields, every value kept", footer: "Esc back",
                   perform: { state, _ in leaveForm(&state) }),
        ]
    }

    /// The body scrolls only when it does not fit the rows the review has.
    @Sendable private static func reviewScroll(_ state: AppState) -> Availability {
        guard let form = state.form, case let .review(plan) = form.stage,
              ReviewPage(state, form, plan, Layout(state)).scrolls
        else { return .disabled("the request body fits: nothing to scroll") }
        return .enabled
    }

    /// Fields that take typed text: there every printable key (and `?`) is text.
    static let textFields: Set<ReinstallForm.Field> = [.keypair, .password, .confirmation, .userData, .cmkId]
    /// Fields whose value is one of a few, changed with ←→ or Space.
    static let choiceFields: Set<ReinstallForm.Field> = [.endpoint, .login, .stopServer, .encrypt, .byol]

    /// The field that has the keys: the focus, or the first field shown when the focused one is gone.
    static func focusedField(_ state: AppState, _ form: ReinstallForm) -> ReinstallForm.Field {
        let fields = form.fields(formContext(state, form))
        return fields.contains(form.focus) ? form.focus : fields.first ?? .submit
    }

    /// An action the form's own key handling performs (`typeIntoForm`), declared for the footer and help.
    private static func edit(_ keys: [Key], _ keyLabel: String, _ label: String, footer: String? = nil) -> Action {
        Action(keys: keys, keyLabel: keyLabel, label: label, footer: footer,
               perform: { state, key in typeIntoForm(&state, key) })
    }
}
