import Foundation
import Synchronization

/// Counts consecutive authentication refusals (HTTP 401, `APIGW.0301`) for one client and all its
/// copies, and stops sending after `limit` of them. The gateway locks an access key for 5 minutes
/// after 5 bad signatures in a row; stopping at 3 leaves the operator room to fix the clock or the
/// keys without locking the key for everyone who shares it.
///
/// Once a refusal has been seen, requests in flight count against the limit too, so concurrent
/// calls cannot together overshoot it.
final class SignatureFailureGuard: Sendable {
    let limit: Int
    private struct State {
        var failures = 0
        var probesInFlight = 0
    }
    private let state = Mutex(State())

    init(limit: Int = 3) { self.limit = limit }

    /// A permission to send one request; hand it back to `record`.
    struct Permit: Sendable {
        fileprivate let isProbe: Bool
    }

    /// Throws instead of letting another request go out once the limit is reached.
    func permit(now: Date) throws -> Permit {
        let (allowed, isProbe, failures) = state.withLock { state -> (Bool, Bool, Int) in
            if state.failures == 0 { return (true, false, 0) }
            guard state.failures + state.probesInFlight < limit else { return (false, false, state.failures) }
            state.probesInFlight += 1
            return (true, true, state.failures)
        }
        guard allowed else {
            throw CloudError.configuration(
                "Stopped calling the cloud: it refused the request signature \(failures) times in a row (APIGW.0301). "
                    + "After 5 refusals the gateway locks the access key for 5 minutes. Check that this machine's "
                    + "clock is right (X-Sdk-Date must be within 15 minutes of the cloud's time; this machine says "
                    + "\(Signer.sdkDate(now)) UTC) and that the access key and secret key belong together, then start again.")
        }
        return Permit(isProbe: isProbe)
    }

    /// Records the answer to one request: a refusal counts, any other answer resets the count.
    /// `status` nil means no answer (a transport failure), which changes nothing.
    func record(_ permit: Permit, status: Int?, code: String?) {
        state.withLock { state in
            if permit.isProbe { state.probesInFlight -= 1 }
            guard let status else { return }
            let refused = CloudError.isAuthenticationRefusal(status: status, code: code)
            state.failures = refused ? state.failures + 1 : 0
        }
    }

    var consecutiveFailures: Int { state.withLock { $0.failures } }
}
