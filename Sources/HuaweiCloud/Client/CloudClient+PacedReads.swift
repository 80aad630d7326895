import Foundation
import Synchronization

/// A failed read with its answer's `Retry-After`, for a caller that paces its own reads (the job
/// follower): after the client's own retries, the cloud's wish still sets the next wait.
public struct PacedReadFailure: Error, Sendable, Equatable {
    public var error: CloudError
    public var retryAfter: Duration?

    public init(_ error: CloudError, retryAfter: Duration?) {
        self.error = error
        self.retryAfter = retryAfter
    }
}

/// Where `exchange` leaves the last failed attempt's `Retry-After`.
final class RetryAfterSeen: Sendable {
    private let seen = Mutex<Duration?>(nil)
    var value: Duration? {
        get { seen.withLock { $0 } }
        set { seen.withLock { $0 = newValue } }
    }
}

extension CloudClient {
    /// `job(id:)`, failing with `PacedReadFailure`.
    public func readJob(id: String) async throws -> Job {
        try await pacedGet(jobPath(id), what: "the job")
    }

    /// `showServer(id:)`, failing with `PacedReadFailure`.
    public func readServer(id: String) async throws -> Server {
        let wrapper: ServerWrapper = try await pacedGet(serverPath(id), what: "the server")
        return wrapper.server
    }

    private func pacedGet<T: Decodable>(_ path: String, what: String) async throws -> T {
        let seen = RetryAfterSeen()
        let response: HTTPReply
        do {
            response = try await exchange(.ecs, "GET", path, project: true, retry: retry, retryAfterSeen: seen)
        } catch {
            switch error {
            case .cancelled: throw CancellationError()
            case let .failed(cloudError, _): throw PacedReadFailure(cloudError, retryAfter: seen.value)
            }
        }
        do {
            return try decode(response, what: what)
        } catch let error as CloudError {
            throw PacedReadFailure(error, retryAfter: nil)
        }
    }
}
