import HuaweiCloud
import Reinstall
import TerminalKit

extension ReinstallForm {
    public func keypairAllowed(_ context: FormContext) -> (allowed: Bool, why: String?) {
        guard let decision = context.decision else {
            return server.isWindows ? (false, "waiting for the image to decide v1/v2") : (true, nil)
        }
        let choice = ReinstallPlan.loginChoices(server: server, api: decision.api)
        return (choice.keypairAllowed, choice.why)
    }

    /// v2-only fields (user data) are offered only when v2 is the endpoint in force.
    public func onV2(_ context: FormContext) -> Bool { context.decision?.api == .v2 }

    /// User data is in play: v2 and a path typed.
    public func usesUserData(_ context: FormContext) -> Bool {
        onV2(context) && options.hasUserDataPath
    }

    /// The login actually in force: with user data on v2 neither login is sent; a key pair falls
    /// back to a password where it is not allowed.
    public func effectiveLogin(_ context: FormContext) -> LoginKind {
        if usesUserData(context) { return .userData }
        return keypairAllowed(context).allowed ? (login == .userData ? .keypair : login) : .password
    }

    public func selectedKeypair(_ context: FormContext) -> Keypair? {
        keypair.selected(context.keypairs.value ?? [])
    }

    /// The fields shown, in focus order.
    public func fields(_ context: FormContext) -> [Field] {
        var fields: [Field] = [.endpoint, .login]
        switch effectiveLogin(context) {
        case .keypair: fields.append(.keypair)
        case .password: fields += [.password, .confirmation]
        case .userData: break
        }
        if server.isRunning { fields.append(.stopServer) }
        if onV2(context) { fields.append(.userData) }
        fields.append(.encrypt)
        if options.encrypted { fields.append(.cmkId) }
        fields += [.byol, .submit]
        return fields
    }

    /// The live checklist: every rule that decides whether the form may be submitted.
    public func checklist(_ context: FormContext) -> [ChecklistItem] {
        var items = loginItems(context)
        if server.isRunning {
            items.append(withStopServer
                ? ChecklistItem("stopped first (withStopServer)", .passed)
                : ChecklistItem("running server: tick 'stop first'", .failed))
        }
        items += optionItems(context)
        if context.decision == nil {
            items.append(ChecklistItem("endpoint: reading the image…", .notApplicable))
        } else if context.endpointUnanswered {
            items.append(ChecklistItem("endpoint unknown: choose v1 or v2 (←/→)", .failed))
        } else {
            items.append(ChecklistItem("endpoint decided (\(context.decision?.api.rawValue ?? "?"))", .passed))
        }
        return items
    }

    public func canSubmit(_ context: FormContext) -> Bool {
        !submitting && checklist(context).allSatisfy { $0.mark == .passed }
    }

    private func loginItems(_ context: FormContext) -> [ChecklistItem] {
        switch effectiveLogin(context) {
        case .userData:
            return [ChecklistItem("no key pair, no password: user data sets them", .passed)]
        case .keypair:
            var items = [ChecklistItem("one login only: key pair", .passed)]
            if let pair = selectedKeypair(context) {
                items.append(ChecklistItem("key pair '\(pair.name)' exists", .passed))
            } else {
                items.append(ChecklistItem(keypairProblem(context), context.keypairs == .loading ? .notApplicable : .failed))
            }
            switch context.userId {
            case .loaded: items.append(ChecklistItem("IAM user id known (userid)", .passed))
            case .failed(let why): items.append(ChecklistItem("IAM user id unknown: \(why)", .failed))
            case .loading, .notRequested: items.append(ChecklistItem("IAM user id: looking up…", .notApplicable))
            }
            return items
        case .password:
            let os = TargetOS(server: server)
            var items = [ChecklistItem("one login only: password", .passed)]
            if password.overflowed || confirmation.overflowed {
                items.append(ChecklistItem(
                    "pasted text cut at \(InputLimits.password) characters: far too long", .failed))
            }
            return items + PasswordPolicy.evaluate(password: password.text, confirmation: confirmation.text, os: os)
                .map { ChecklistItem($0.label, $0.passed ? .passed : .failed) }
        }
    }

    private func optionItems(_ context: FormContext) -> [ChecklistItem] {
        var items: [ChecklistItem] = []
        if usesUserData(context) {
            let path = options.userDataPathText
            switch options.userData {
            case let .loaded(data) where data.path == path:
                items.append(ChecklistItem("user data: \(data.bytes.count) bytes, \(data.kind.rawValue)", .passed))
            case let .reading(reading) where reading == path:
                items.append(ChecklistItem("user data: reading the file…", .notApplicable))
            case let .failed(failed, message) where failed == path:
                items.append(ChecklistItem(message, .failed))
            default:
                items.append(ChecklistItem("user data: press Enter to read the file", .failed))
            }
        }
        if options.encrypted {
            let id = options.cmkText
            items.append(ChecklistItem("CMK id: 36 characters, UUID form (now \(id.count))",
                                       CMKIdentifier.isValid(id) ? .passed : .failed))
        }
        return items
    }

    private func keypairProblem(_ context: FormContext) -> String {
        switch context.keypairs {
        case .loading, .notRequested: return "key pairs: loading…"
        case .failed(let why): return "key pairs could not be listed: \(why)"
        case .loaded(let pairs):
            return pairs.isEmpty ? "no key pair in this region: create one or use a password"
                : "no key pair matches '\(keypair.filter.text)': Backspace to widen"
        }
    }
}
