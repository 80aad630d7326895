import Foundation

/// Hands the client the credentials to sign each attempt with. Permanent keys never change;
/// temporary ones (an ECS agency's) are fetched again before they expire.
public protocol CredentialProvider: Sendable {
    /// Where the credentials come from.
    var source: CredentialSource { get }

    /// The credentials to sign the next attempt with, refreshed first when they are about to expire.
    func credentials() async throws -> Credentials

    /// After the cloud refused `refused` (HTTP 401): fresh credentials to try once more, or nil
    /// when new ones cannot help (permanent keys, or the same credentials again).
    func replacement(afterRefusalOf refused: Credentials) async -> Credentials?

    /// Every secret key and token handed out so far that may still be in use: no error message
    /// may quote them.
    var secrets: [Secret] { get }
}

/// Credentials that never change: the environment's, a file's, a KooCLI profile's, the demo's.
public struct StaticCredentialProvider: CredentialProvider {
    public let fixed: Credentials
    public let source: CredentialSource

    public init(_ credentials: Credentials, source: CredentialSource) {
        fixed = credentials
        self.source = source
    }

    public func credentials() async throws -> Credentials { fixed }

    public func replacement(afterRefusalOf refused: Credentials) async -> Credentials? { nil }

    public var secrets: [Secret] { [fixed.secretKey] + [fixed.securityToken].compactMap { $0 } }
}
