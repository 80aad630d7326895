import Foundation
import HuaweiCloud

/// Which addresses the readiness probe (and the host key scan) may connect to. A simulated cloud
/// must never make this host connect to a private-range or public address: its servers' addresses
/// are made up, and a real machine may answer there.
public enum ProbePolicy: Sendable, Equatable {
    /// Loopback only: 127.0.0.0/8 and ::1 (also as `::ffff:127.x.x.x`); names are refused, since
    /// resolving one could lead anywhere.
    case simulatedCloud
    /// Any address or name the operator's network reaches.
    case realCloud

    /// Why `address` may not be probed; nil when it may.
    public func refusal(for address: String) -> String? {
        guard self == .simulatedCloud else { return nil }
        if Loopback.isAddress(address) { return nil }
        return "\(address) is not a loopback address: a simulated cloud's servers are probed on 127.0.0.0/8 "
            + "or ::1 only, never on an address a real machine may have"
    }
}
