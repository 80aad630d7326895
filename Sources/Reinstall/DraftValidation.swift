import HuaweiCloud

/// Which rule a check is about, so a front end can add how to fix it in its own terms
/// (a key in the form, an option in the command) without changing the words of the rule.
public enum DraftRule: Sendable, Equatable {
    case preflight, login, keypair, userId, password, passwordWithUserData, stopFirst, userData, cmk, endpoint
}

/// One line of the checklist the form shows; the failed ones make the commands' refusal.
public struct DraftCheck: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case passed, failed, pending
        /// Said for the operator to know, not a condition: it never holds a draft back.
        case info
    }

    public var rule: DraftRule
    public var label: String
    public var status: Status

    public init(_ rule: DraftRule, _ label: String, _ status: Status) {
        self.rule = rule
        self.label = label
        self.status = status
    }

    fileprivate init(_ rule: DraftRule, _ label: String, passed: Bool) {
        self.init(rule, label, passed ? .passed : .failed)
    }

    /// Whether the check holds the draft back (failed, or still waiting for a fact).
    public var blocks: Bool { status == .failed || status == .pending }
}

/// The one judgement of a reinstall draft: login, password rules, endpoint, options and pre-flight
/// (huawei-ecs-api.md §3–§6). The form draws `checks` as its checklist and `warnings` on its
/// review; `reinstall` prints `warnings` and refuses with `refusal`. Same rules, same words.
public struct DraftValidation: Sendable, Equatable {
    public var checks: [DraftCheck]
    /// What the operator should know before confirming (shown on the review, printed by the command).
    public var warnings: [String]

    public init(_ draft: ReinstallDraft) {
        var checks: [DraftCheck] = []
        var warnings: [String] = []
        switch ReinstallPreflight.check(draft.server) {
        case .clear: break
        case let .warning(text): warnings.append(text)
        case let .blocked(text): checks.append(DraftCheck(.preflight, text, .failed))
        }
        checks += Self.loginChecks(draft)
        if draft.server.isRunning {
            checks.append(draft.stopFirst
                ? DraftCheck(.stopFirst, "stopped first (withStopServer)", .passed)
                : DraftCheck(.stopFirst, "\(draft.server.name) is running: it must be stopped first (withStopServer)",
                             .failed))
        }
        checks += Self.optionChecks(draft)
        switch draft.endpoint {
        case let .pending(what): checks.append(DraftCheck(.endpoint, what, .pending))
        case let .unavailable(why): checks.append(DraftCheck(.endpoint, "endpoint unknown: \(why)", .failed))
        case let .known(decision) where decision.mustAsk:
            checks.append(DraftCheck(.endpoint, "endpoint unknown: choose v1 or v2 (\(decision.reason))", .failed))
        case let .known(decision):
            checks.append(DraftCheck(.endpoint, "endpoint decided (\(decision.api.rawValue))", .passed))
        }
        warnings += Self.loginWarnings(draft)
        self.checks = checks
        self.warnings = warnings
    }

    /// Every check passed: the plan may be built and reviewed.
    public var isReady: Bool { !checks.contains { $0.blocks } }

    /// Why the draft cannot be sent, in one line: every check that did not pass. nil when ready.
    public var refusal: String? { Self.refusal(for: checks) }

    /// The refusal for `checks`, for a front end that adds checks of its own input (a field cut
    /// at its length) to the draft's.
    public static func refusal(for checks: [DraftCheck]) -> String? {
        let open = checks.filter(\.blocks)
        guard !open.isEmpty else { return nil }
        return "Not sent: " + open.map { $0.rule == .password ? "password: \($0.label)" : $0.label }
            .joined(separator: "; ")
    }

    // MARK: - Login

    /// Whether the cloud ignores `adminpass` here: user data on a Linux server through the v2
    /// endpoint (ECS API reference, reinstall with Cloud-Init: with `user_data` "the adminpass
    /// field is invalid"; huawei-ecs-api.md §4).
    public static func passwordIgnored(_ draft: ReinstallDraft) -> Bool {
        draft.userData != nil && draft.endpoint.value?.api == .v2 && !draft.server.isWindows
    }

    public static let passwordIgnoredLabel =
        "a password is ignored with user data on Linux (v2): the cloud drops adminpass when user_data is given; "
        + "use a key pair, or let the user data create the login (no login)"

    private static func loginChecks(_ draft: ReinstallDraft) -> [DraftCheck] {
        let api = draft.endpoint.value?.api
        switch draft.login {
        case let .keypair(name):
            if let api, !ReinstallPlan.loginChoices(server: draft.server, api: api).keypairAllowed {
                return [DraftCheck(.login, PlanError.windowsWithoutCloudInitNeedsPassword.message, .failed)]
            }
            return [DraftCheck(.login, "one login only: key pair", .passed), keypairCheck(name, draft.keypairs),
                    userIdCheck(draft.userId)]
        case let .password(text, confirmation):
            var checks = [DraftCheck(.login, "one login only: password", .passed)]
            checks += PasswordPolicy.evaluate(password: text, confirmation: confirmation, os: TargetOS(server: draft.server))
                .map { DraftCheck(.password, $0.label, passed: $0.passed) }
            if passwordIgnored(draft) {
                checks.append(DraftCheck(.passwordWithUserData, passwordIgnoredLabel, .failed))
            }
            return checks
        case .none:
            let label = "no key pair, no password: the user data must create a login"
            switch (api, draft.userData) {
            case (.v1, _), (_, nil):
                return [DraftCheck(.login, "no login: choose a key pair or a password (only v2 with user data may leave both empty)",
                                   .failed)]
            case (nil, _):
                return [DraftCheck(.login, label, .pending)]
            case (.v2, _):
                return [DraftCheck(.login, label, .passed)]
            }
        }
    }

    private static func keypairCheck(_ name: String?, _ pairs: DraftFact<[Keypair]>) -> DraftCheck {
        switch pairs {
        case let .pending(what): return DraftCheck(.keypair, what, .pending)
        case let .unavailable(why): return DraftCheck(.keypair, "key pairs could not be listed: \(why)", .failed)
        case let .known(pairs):
            guard let name, !name.isEmpty else {
                return DraftCheck(.keypair, pairs.isEmpty ? "no key pair in this region: create one or use a password"
                                  : "no key pair chosen: pick one from the list", .failed)
            }
            if pairs.contains(where: { $0.name == name }) {
                return DraftCheck(.keypair, "key pair '\(name)' exists", .passed)
            }
            let names = pairs.map(\.name).joined(separator: ", ")
            return DraftCheck(.keypair, "key pair '\(name)' does not exist in this region"
                + (names.isEmpty ? ": create one or use a password" : " (there are: \(names))"), .failed)
        }
    }

    /// `userid` is optional in both reinstall references (and Terraform sends it only when given):
    /// an unknown user id is said, not refused; the cloud then takes the key pair as the caller's.
    private static func userIdCheck(_ userId: DraftFact<String>) -> DraftCheck {
        switch userId {
        case .known: DraftCheck(.userId, "IAM user id known (userid)", .passed)
        case let .pending(what): DraftCheck(.userId, what, .pending)
        case .unavailable: DraftCheck(.userId, userIdUnknownLabel, .info)
        }
    }

    public static let userIdUnknownLabel = "IAM user id not known: userid not sent (optional)"

    /// The server's own key is the default; any other login is said before it is confirmed.
    private static func loginWarnings(_ draft: ReinstallDraft) -> [String] {
        let server = draft.server
        var warnings: [String] = []
        if server.keyName?.isEmpty ?? true, case let .keypair(name?) = draft.login, !name.isEmpty {
            warnings.append("\(server.name) has no key pair today; after the reinstall it takes '\(name)'.")
        }
        if let current = server.keyName, !current.isEmpty {
            switch draft.login {
            case let .keypair(name?) where !name.isEmpty && name != current:
                warnings.append("The login key changes: \(server.name) has key pair '\(current)' today; "
                    + "after the reinstall it takes '\(name)'.")
            case .password:
                warnings.append("The login changes: \(server.name) has key pair '\(current)' today; "
                    + "after the reinstall it takes a password.")
            default: break
            }
        }
        if draft.login == .none {
            warnings.append("No key pair and no password: the user data must create a login, "
                + "or nobody can log in after the reinstall.")
        }
        return warnings
    }

    // MARK: - Options

    private static func optionChecks(_ draft: ReinstallDraft) -> [DraftCheck] {
        var checks: [DraftCheck] = []
        if let userData = draft.userData {
            if draft.endpoint.value?.api == .v1 {
                checks.append(DraftCheck(.userData, "user data needs the v2 endpoint (Cloud-Init): switch to v2 or drop it",
                                         .failed))
            } else {
                switch userData {
                case let .known(data):
                    checks.append(DraftCheck(.userData, "user data: \(data.bytes.count) bytes, \(data.kind.rawValue)", .passed))
                case let .pending(what): checks.append(DraftCheck(.userData, what, .pending))
                case let .unavailable(why): checks.append(DraftCheck(.userData, why, .failed))
                }
            }
        }
        if let id = draft.cmkId {
            checks.append(DraftCheck(.cmk, "CMK id: 36 characters, UUID form (now \(id.count))",
                                     passed: CMKIdentifier.isValid(id)))
        }
        return checks
    }
}
