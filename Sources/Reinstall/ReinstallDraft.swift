import HuaweiCloud

/// A fact a draft depends on that may still be on its way (the form reads it in the background)
/// or could not be had. The commands gather everything first, so they pass `.known`.
public enum DraftFact<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Still being read; the text says what is awaited ("key pairs: loading…").
    case pending(String)
    case known(Value)
    /// Could not be had; the text says why.
    case unavailable(String)

    public var value: Value? {
        if case let .known(value) = self { return value }
        return nil
    }
}

/// Everything the operator chose for one reinstall, as either front end gathers it: the form from
/// its fields, `reinstall` from its options. `DraftValidation` judges it; `plan()` builds the
/// request once it is ready.
public struct ReinstallDraft: Sendable, Equatable {
    public enum Login: Sendable, Equatable {
        /// `name` is nil while no pair is chosen.
        case keypair(name: String?)
        /// The form's two fields' own buffers (the command passes one `Secret` twice): the draft
        /// holds references, never a copy of the text.
        case password(Secret, confirmation: Secret)
        /// Neither a key pair nor a password, chosen explicitly: only v2 with user data, which
        /// must then create a login itself.
        case none
    }

    public var server: Server
    /// The endpoint in force (the operator's override already applied).
    public var endpoint: DraftFact<EndpointDecision>
    public var login: Login
    /// The region's key pairs (only consulted for a key pair login).
    public var keypairs: DraftFact<[Keypair]>
    /// The IAM user id sent as `userid` with a key pair (only consulted for a key pair login).
    public var userId: DraftFact<String>
    /// Whether a running server is stopped first (`mode: withStopServer`).
    public var stopFirst: Bool
    /// nil: no user data.
    public var userData: DraftFact<UserData>?
    /// nil: the system disk is not encrypted.
    public var cmkId: String?
    public var byol: Bool

    public init(
        server: Server, endpoint: DraftFact<EndpointDecision>, login: Login,
        keypairs: DraftFact<[Keypair]> = .known([]), userId: DraftFact<String> = .unavailable("not looked up"),
        stopFirst: Bool, userData: DraftFact<UserData>? = nil, cmkId: String? = nil, byol: Bool = false
    ) {
        self.server = server
        self.endpoint = endpoint
        self.login = login
        self.keypairs = keypairs
        self.userId = userId
        self.stopFirst = stopFirst
        self.userData = userData
        self.cmkId = cmkId
        self.byol = byol
    }

    /// The request exactly as it will be sent. Call it once `DraftValidation(self).isReady`;
    /// the plan's own guards are a second line, not the rules.
    public func plan() throws(PlanError) -> ReinstallPlan {
        guard let api = endpoint.value?.api else { throw .noLogin }
        let method: LoginMethod?
        switch login {
        case let .keypair(name): method = .keypair(name: name ?? "")
        case let .password(secret, _): method = .password(secret)
        case .none: method = nil
        }
        let options = ReinstallOptions(userData: userData?.value, cmkId: cmkId, byol: byol)
        return try ReinstallPlan.make(
            server: server, api: api, login: method, userId: userId.value,
            withStopServer: server.isRunning && stopFirst, options: options)
    }
}
