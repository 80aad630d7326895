/// The login a reinstall was sent with, without the password itself (a test hook: whether
/// `userid` went with a key pair).
public struct ReinstallLogin: Sendable, Equatable {
    public var keyName: String?
    public var userId: String?
    public var password: Bool
}

/// What a real account or region may refuse that the default simulator grants: each switched on
/// from `SimulatorConfiguration.refusals` or the simulator's command line, so a client's fallbacks
/// can be tried against the same "no" the cloud gives.
public struct AccountRefusals: Sendable, Equatable {
    /// The operator has ECS policies only, no IAM read: `GET /v3/projects` and the credential
    /// lookup answer 403; `GET /v3/auth/projects` (which needs no IAM permission) still answers.
    public var noIAMRead: Bool
    /// The region has no KPS: `/v3/{project_id}/keypairs` answers as a host that does not serve
    /// it (404 `APIGW.0101`); ECS's `/v2.1/{project_id}/os-keypairs` still lists the key pairs.
    public var noKPS: Bool

    public init(noIAMRead: Bool = false, noKPS: Bool = false) {
        self.noIAMRead = noIAMRead
        self.noKPS = noKPS
    }
}
