import Foundation
import HuaweiCloud

/// Exactly what will be sent for one server: method, path and body. Confirm screens and dry runs
/// show this value, so what the user approves is what goes on the wire.
public struct ReinstallPlan: Sendable, Equatable {
    public var serverId: String
    public var serverName: String
    public var api: ReinstallAPI
    public var request: ReinstallRequest

    public init(serverId: String, serverName: String, api: ReinstallAPI, request: ReinstallRequest) {
        self.serverId = serverId
        self.serverName = serverName
        self.api = api
        self.request = request
    }

    public var method: String { "POST" }

    /// `/v1|v2/{project_id}/cloudservers/{server_id}/reinstallos`, as the client sends it.
    public func path(projectId: String) -> String {
        CloudClient.reinstallPath(api, projectId, serverId)
    }

    /// Whether `userid` goes with the key pair (for dry runs: the IAM user id may not be known).
    public var sendsUserId: Bool { request.userId != nil }

    /// The body as sent, with the password replaced by `••••`: safe for dry runs and logs.
    public func redactedBody() throws -> String {
        var shown = request
        if shown.adminPass != nil { shown.adminPass = Secret("••••") }
        return String(decoding: try shown.encodedBody(), as: UTF8.self)
    }

    /// Whether a key pair may be offered, and if not, why (one line for the form).
    public static func loginChoices(server: Server, api: ReinstallAPI) -> (keypairAllowed: Bool, why: String?) {
        if server.isWindows && api == .v1 {
            return (false, "Windows without Cloud-Init takes a password only")
        }
        return (true, nil)
    }

    /// Builds the request. With a key pair, `userId` is sent as `userid` when known; both reinstall
    /// references mark `userid` optional, so an unknown one is left out, never a refusal. It is not
    /// sent with a password. `withStopServer` stops a running server first.
    public static func make(
        server: Server, api: ReinstallAPI, login: LoginMethod, userId: String?, withStopServer: Bool
    ) throws(PlanError) -> ReinstallPlan {
        try make(server: server, api: api, login: Optional(login), userId: userId,
                 withStopServer: withStopServer, options: ReinstallOptions())
    }

    /// Builds the request with options. `login` may be nil only on v2 with user data, which then
    /// must set the credentials itself (the API refuses both empty otherwise).
    public static func make(
        server: Server, api: ReinstallAPI, login: LoginMethod?, userId: String?, withStopServer: Bool,
        options: ReinstallOptions
    ) throws(PlanError) -> ReinstallPlan {
        if options.userData != nil && api != .v2 { throw .userDataNeedsV2 }
        if let cmkId = options.cmkId, !CMKIdentifier.isValid(cmkId) { throw .invalidCMKId }
        var request: ReinstallRequest
        switch login {
        case .keypair(let name):
            guard loginChoices(server: server, api: api).keypairAllowed else {
                throw .windowsWithoutCloudInitNeedsPassword
            }
            guard !name.isEmpty else { throw .emptyKeypairName }
            let sent = userId.flatMap { $0.isEmpty ? nil : $0 }
            request = ReinstallRequest(keyName: name, userId: sent, withStopServer: withStopServer)
        case .password(let secret):
            guard !secret.isEmpty else { throw .emptyPassword }
            request = ReinstallRequest(adminPass: secret, withStopServer: withStopServer)
        case nil:
            guard api == .v2, options.userData != nil else { throw .noLogin }
            request = ReinstallRequest(withStopServer: withStopServer)
        }
        request.metadata = options.metadata
        return ReinstallPlan(serverId: server.id, serverName: server.name, api: api, request: request)
    }
}
