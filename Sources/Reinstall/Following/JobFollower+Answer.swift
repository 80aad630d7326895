import HuaweiCloud

extension JobFollower.Answer {
    /// What a driver hands the follower for a read that threw `error` (keeping the answer's
    /// `Retry-After` when the read passed it on).
    public static func failure(_ error: any Error) -> Self {
        switch error {
        case let failure as PacedReadFailure: return .failed(failure.error, retryAfter: failure.retryAfter)
        case let error as CloudError: return .failed(error)
        case is CancellationError: return .failed(.transport("the request was cancelled before an answer came"))
        default: return .failed(.transport("\(error)"))
        }
    }
}
