import HuaweiCloud
import Reinstall
import TerminalKit

/// What the form offers, and its checklist: the rules themselves are `DraftValidation`'s, the
/// form only turns its fields into a `ReinstallDraft`.
extension ReinstallForm {
    package func keypairAllowed(_ context: FormContext) -> (allowed: Bool, why: String?) {
        guard let decision = context.decision else {
            return server.isWindows ? (false, "waiting for the image to decide v1/v2") : (true, nil)
        }
        let choice = ReinstallPlan.loginChoices(server: server, api: decision.api)
        return (choice.keypairAllowed, choice.why)
    }

    /// v2-only fields (user data, no login) are offered only when v2 is the endpoint in force.
    package func onV2(_ context: FormContext) -> Bool { context.decision?.api == .v2 }

    /// User data is in play: a path typed. It never changes the login chosen; on v1 the shared
    /// validation refuses it rather than the form dropping it.
    package func usesUserData(_ context: FormContext) -> Bool {
        options.hasUserDataPath
    }

    /// The logins offered, in the order ←/→ goes through them.
    package func loginChoices(_ context: FormContext) -> [LoginKind] {
        guard keypairAllowed(context).allowed else { return [.password] }
        return onV2(context) ? [.keypair, .password, .userData] : [.keypair, .password]
    }

    /// The login in force: the one chosen, except that a key pair where none is allowed (Windows
    /// without Cloud-Init) is a password, and the form says why.
    package func effectiveLogin(_ context: FormContext) -> LoginKind {
        keypairAllowed(context).allowed ? login : .password
    }

    package func selectedKeypair(_ context: FormContext) -> Keypair? {
        keypair.selected(context.keypairs.value ?? [])
    }

    /// The fields shown, in focus order.
    package func fields(_ context: FormContext) -> [Field] {
        var fields: [Field] = [.endpoint, .login]
        switch effectiveLogin(context) {
        case .keypair: fields.append(.keypair)
        case .password: fields += [.password, .confirmation]
        case .userData: break
        }
        if server.isRunning { fields.append(.stopServer) }
        // Offered on v2; kept in view on v1 while a path is typed, so it can be cleared.
        if onV2(context) || options.hasUserDataPath { fields.append(.userData) }
        fields.append(.encrypt)
        if options.encrypted { fields.append(.cmkId) }
        // Only where there is a licence to bring; kept in view while ticked, so it can be cleared.
        if options.byol || LicenceRule.byolApplies(server: server, image: context.image.value ?? nil) { fields.append(.byol) }
        fields.append(.submit)
        return fields
    }

    /// The form's fields as the shared draft.
    package func draft(_ context: FormContext) -> ReinstallDraft {
        let login: ReinstallDraft.Login
        switch effectiveLogin(context) {
        case .keypair: login = .keypair(name: selectedKeypair(context)?.name)
        case .password: login = .password(password.secret, confirmation: confirmation.secret)
        case .userData: login = .none
        }
        return ReinstallDraft(
            server: server, endpoint: endpointFact(context), login: login,
            keypairs: Self.fact(context.keypairs, pending: "key pairs: loading…"),
            userId: Self.userIdFact(context.userId),
            stopFirst: withStopServer, userData: userDataFact(context),
            cmkId: options.encrypted ? options.cmkText : nil, byol: options.byol)
    }

    package func validation(_ context: FormContext) -> DraftValidation {
        DraftValidation(draft(context))
    }

    /// The live checklist: the field limits of this form, then every rule of the draft.
    package func checks(_ context: FormContext) -> [DraftCheck] {
        var checks: [DraftCheck] = []
        if effectiveLogin(context) == .password && (password.overflowed || confirmation.overflowed) {
            checks.append(DraftCheck(.password, "pasted text cut at \(InputLimits.password) characters: far too long",
                                     .failed))
        }
        return checks + validation(context).checks
    }

    package func checklist(_ context: FormContext) -> [ChecklistItem] {
        checks(context).map { check in
            switch check.status {
            case .passed: ChecklistItem(check.label, .passed)
            case .failed: ChecklistItem(check.label, .failed)
            case .pending, .info: ChecklistItem(check.label, .notApplicable)
            }
        }
    }

    /// Why the form cannot go to the review, in the words `reinstall` refuses with.
    package func refusal(_ context: FormContext) -> String? {
        DraftValidation.refusal(for: checks(context))
    }

    package func canSubmit(_ context: FormContext) -> Bool {
        !submitting && refusal(context) == nil
    }

    private func endpointFact(_ context: FormContext) -> DraftFact<EndpointDecision> {
        guard let decision = context.decision else { return .pending("endpoint: reading the image…") }
        return .known(decision)
    }

    private func userDataFact(_ context: FormContext) -> DraftFact<UserData>? {
        guard usesUserData(context) else { return nil }
        let path = options.userDataPathText
        switch options.userData {
        case let .loaded(data) where data.path == path: return .known(data)
        case let .reading(reading) where reading == path: return .pending("user data: reading the file…")
        case let .failed(failed, message) where failed == path: return .unavailable(message)
        default: return .unavailable("user data: press Enter to read the file")
        }
    }

    /// Known, looking up, or not known (refused or failed alike: `userid` is optional).
    private static func userIdFact(_ lookup: Lookup<String?>) -> DraftFact<String> {
        switch lookup {
        case let .loaded(id?): .known(id)
        case .loaded(nil): .unavailable("IAM does not say")
        case let .failed(why): .unavailable(why)
        case .loading, .notRequested: .pending("IAM user id: looking up…")
        }
    }

    private static func fact<Value>(_ lookup: Lookup<Value>, pending: String) -> DraftFact<Value> {
        switch lookup {
        case let .loaded(value): .known(value)
        case let .failed(why): .unavailable(why)
        case .loading, .notRequested: .pending(pending)
        }
    }
}
