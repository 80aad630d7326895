import Foundation

/// A request that got no HTTP answer. `kind` says whether it can have reached the server,
/// which decides what an unanswered reinstall means (see `ReinstallOutcome`).
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Nothing listened (TCP refused): the request was never sent.
        case connectionRefused
        /// The host name did not resolve: never sent.
        case hostNotFound
        /// No connection within the connect timeout: never sent.
        case connectTimedOut
        /// The proxy refused or failed the tunnel (CONNECT) before the request went through it: never sent.
        case proxy
        /// The TLS handshake failed (certificate not trusted, wrong host…): never sent, and not
        /// worth repeating.
        case tls
        /// No answer in time after the request was sent. It may have been processed.
        case timedOut
        /// The connection closed after the request was sent, before a complete answer. It may have
        /// been processed.
        case connectionLost
        /// Anything else: assume it may have been sent.
        case other
    }

    public var kind: Kind
    /// What happened, for a person; never holds a secret (the URL has none, the headers are not quoted).
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail }

    /// Whether the request can have reached the cloud. False only when the failure provably
    /// happened before a byte of the request left this machine.
    public var mayHaveReachedServer: Bool {
        switch kind {
        case .connectionRefused, .hostNotFound, .connectTimedOut, .proxy, .tls: return false
        case .timedOut, .connectionLost, .other: return true
        }
    }

    /// Whether repeating the request could help: not after a TLS failure, which is configuration.
    public var isTransient: Bool { kind != .tls }
}
