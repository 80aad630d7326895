import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The reinstall form of one server: what the operator chose and typed. The password lives here
/// only while the form is open; `wipe()` clears it when the form closes.
public struct ReinstallForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable, CaseIterable {
        case login, keypair, password, confirmation, stopServer, submit
    }

    public enum LoginKind: Sendable, Equatable {
        case keypair, password
    }

    public var server: Server
    public var focus: Field = .login
    public var login: LoginKind
    public var keypairIndex = 0
    public var password = TextField(masked: true)
    public var confirmation = TextField(masked: true)
    public var withStopServer: Bool
    public var submitting = false
    public var error: String?

    public init(server: Server) {
        self.server = server
        login = server.isWindows ? .password : .keypair
        withStopServer = server.isRunning
    }

    public mutating func wipe() {
        password.clear()
        confirmation.clear()
    }
}

extension Server {
    /// A running server must be stopped before (or by) the reinstall.
    public var isRunning: Bool { status == "ACTIVE" }
}

/// What the form needs from the rest of the state to decide what it offers and whether it may submit.
public struct FormContext: Sendable, Equatable {
    public var image: ImageLookup
    public var keypairs: Lookup<[Keypair]>
    public var userId: Lookup<String>

    public var decision: EndpointDecision? {
        switch image {
        case let .loaded(image): return EndpointDecision.decide(image: image)
        case .failed: return EndpointDecision.decide(image: nil)
        case .notRequested, .loading: return nil
        }
    }
}

/// One line of the form's checklist.
public struct ChecklistItem: Sendable, Equatable {
    public var label: String
    public var mark: Checklist.Mark
    public init(_ label: String, _ mark: Checklist.Mark) {
        self.label = label
        self.mark = mark
    }
}

extension ReinstallForm {
    public func keypairAllowed(_ context: FormContext) -> (allowed: Bool, why: String?) {
        guard let decision = context.decision else {
            return server.isWindows ? (false, "waiting for the image to decide v1/v2") : (true, nil)
        }
        let choice = ReinstallPlan.loginChoices(server: server, api: decision.api)
        return (choice.keypairAllowed, choice.why)
    }

    /// The login actually in force: a key pair falls back to a password where it is not allowed.
    public func effectiveLogin(_ context: FormContext) -> LoginKind {
        keypairAllowed(context).allowed ? login : .password
    }

    public func selectedKeypair(_ context: FormContext) -> Keypair? {
        guard let pairs = context.keypairs.value, !pairs.isEmpty else { return nil }
        return pairs[min(max(keypairIndex, 0), pairs.count - 1)]
    }

    /// The fields shown, in focus order.
    public func fields(_ context: FormContext) -> [Field] {
        var fields: [Field] = [.login]
        if effectiveLogin(context) == .keypair {
            fields.append(.keypair)
        } else {
            fields += [.password, .confirmation]
        }
        if server.isRunning { fields.append(.stopServer) }
        fields.append(.submit)
        return fields
    }

    /// The live checklist: every rule that decides whether the form may be submitted.
    public func checklist(_ context: FormContext) -> [ChecklistItem] {
        var items: [ChecklistItem] = []
        switch effectiveLogin(context) {
        case .keypair:
            items.append(ChecklistItem("one login only: key pair", .passed))
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
        case .password:
            items.append(ChecklistItem("one login only: password", .passed))
            let os = TargetOS(server: server)
            for check in PasswordPolicy.evaluate(password: password.text, confirmation: confirmation.text, os: os) {
                items.append(ChecklistItem(check.label, check.passed ? .passed : .failed))
            }
        }
        if server.isRunning {
            items.append(withStopServer
                ? ChecklistItem("stopped first (withStopServer)", .passed)
                : ChecklistItem("running server: tick 'stop first'", .failed))
        }
        switch context.image {
        case .loaded, .failed:
            items.append(ChecklistItem("endpoint decided (\(context.decision?.api.rawValue ?? "?"))", .passed))
        case .loading, .notRequested:
            items.append(ChecklistItem("endpoint: reading the image…", .notApplicable))
        }
        return items
    }

    public func canSubmit(_ context: FormContext) -> Bool {
        !submitting && checklist(context).allSatisfy { $0.mark == .passed }
    }

    private func keypairProblem(_ context: FormContext) -> String {
        switch context.keypairs {
        case .loading, .notRequested: return "key pairs: loading…"
        case .failed(let why): return "key pairs could not be listed: \(why)"
        case .loaded: return "no key pair in this region: create one or use a password"
        }
    }
}
