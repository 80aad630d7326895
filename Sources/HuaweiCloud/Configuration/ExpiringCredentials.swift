import Foundation

/// Temporary credentials and the moment the cloud stops accepting them.
public struct ExpiringCredentials: Sendable, Equatable {
    public var credentials: Credentials
    public var expiresAt: Date

    public init(credentials: Credentials, expiresAt: Date) {
        self.credentials = credentials
        self.expiresAt = expiresAt
    }
}
