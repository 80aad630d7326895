import Foundation
import Synchronization

/// Temporary credentials that are fetched again before they expire: when less than `margin`
/// remains, or once after the cloud refused them. Concurrent calls share one fetch.
public final class RefreshingCredentialProvider: CredentialProvider {
    public typealias Fetch = @Sendable () async throws -> ExpiringCredentials

    public let source: CredentialSource
    /// Fetched again when less than this remains (the metadata service renews 10 minutes ahead).
    public let margin: TimeInterval
    private let fetch: Fetch
    private let now: @Sendable () -> Date

    private struct State {
        var current: ExpiringCredentials
        var fetching: Task<ExpiringCredentials, any Error>?
        /// Secrets handed out before, still possibly in a request in flight: kept for redaction.
        var earlier: [Secret] = []
        /// When a renewal last failed: credentials still valid are then used without asking again
        /// for `retryPause`, so a metadata service that is down does not slow every call.
        var failedAt: Date?
    }
    static let retryPause: TimeInterval = 30
    private let state: Mutex<State>

    public init(
        initial: ExpiringCredentials, source: CredentialSource, margin: TimeInterval = 5 * 60,
        now: @escaping @Sendable () -> Date = { Date() }, fetch: @escaping Fetch
    ) {
        self.source = source
        self.margin = margin
        self.fetch = fetch
        self.now = now
        state = Mutex(State(current: initial))
    }

    /// When the credentials in hand expire.
    public var expiresAt: Date { state.withLock { $0.current.expiresAt } }

    public func credentials() async throws -> Credentials {
        let (current, failedAt) = state.withLock { ($0.current, $0.failedAt) }
        let now = now()
        if current.expiresAt.timeIntervalSince(now) > margin { return current.credentials }
        if let failedAt, now.timeIntervalSince(failedAt) < Self.retryPause, current.expiresAt > now {
            return current.credentials
        }
        do {
            return try await refreshed().credentials
        } catch {
            state.withLock { $0.failedAt = self.now() }
            // Still valid for a while: keep signing with them; a later call tries again.
            if current.expiresAt > self.now() { return current.credentials }
            throw Self.failure(error, source: source)
        }
    }

    public func replacement(afterRefusalOf refused: Credentials) async -> Credentials? {
        let fresh = try? await refreshed(unless: refused.accessKey)
        guard let fresh, fresh.credentials != refused else { return nil }
        return fresh.credentials
    }

    public var secrets: [Secret] {
        state.withLock { state in
            [state.current.credentials.secretKey] + [state.current.credentials.securityToken].compactMap { $0 }
                + state.earlier
        }
    }

    /// New credentials, from the fetch in progress or a new one. With `unless`, credentials other
    /// than that access key already in hand are returned as they are (someone refreshed first).
    private func refreshed(unless refusedKey: String? = nil) async throws -> ExpiringCredentials {
        let (task, inHand) = state.withLock { state -> (Task<ExpiringCredentials, any Error>?, ExpiringCredentials?) in
            if let refusedKey, state.current.credentials.accessKey != refusedKey { return (nil, state.current) }
            if let fetching = state.fetching { return (fetching, nil) }
            let fetch = self.fetch
            let task = Task { try await fetch() }
            state.fetching = task
            return (task, nil)
        }
        if let inHand { return inHand }
        guard let task else { throw CancellationError() }
        do {
            let fresh = try await task.value
            state.withLock { state in
                guard state.fetching == task else { return }
                state.fetching = nil
                state.failedAt = nil
                if state.current.credentials != fresh.credentials {
                    state.earlier = Array((state.earlier + [state.current.credentials.secretKey]
                        + [state.current.credentials.securityToken].compactMap { $0 }).suffix(8))
                    state.current = fresh
                }
            }
            return fresh
        } catch {
            state.withLock { state in if state.fetching == task { state.fetching = nil } }
            throw error
        }
    }

    private static func failure(_ error: any Error, source: CredentialSource) -> CloudError {
        let detail = (error as? CloudError)?.message ?? String(describing: error)
        return .configuration("The temporary credentials from \(source) expired and could not be renewed: \(detail)")
    }
}
