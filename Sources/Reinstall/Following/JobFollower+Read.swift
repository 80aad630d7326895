import HuaweiCloud

/// Where a follower's reads go: the cloud client, or a script in tests. A read may throw
/// `PacedReadFailure` to pass on the answer's `Retry-After`.
public protocol JobSource: Sendable {
    func readJob(id: String) async throws -> Job
    func readServer(id: String) async throws -> Server
}

extension CloudClient: JobSource {}

extension JobFollower.Answer {
    /// The answer to `read`, for the UI's poller and for `--wait` alike; nil only when the task
    /// reading is itself cancelled. A `CancellationError` while it runs (the transport reports a
    /// request it cancelled that way) is a failed read, backed off like any other: answering nil
    /// would leave the read due in the past, so it would be sent again at once, over and over.
    public static func read(_ read: JobFollower.Read, from source: any JobSource) async -> Self? {
        do {
            switch read {
            case let .job(id): return .job(try await source.readJob(id: id))
            case let .server(id): return .server(try await source.readServer(id: id))
            }
        } catch is CancellationError where Task.isCancelled {
            return nil
        } catch {
            return .failure(error)
        }
    }
}
