import Foundation

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
        if Self.isLoopback(address) { return nil }
        return "\(address) is not a loopback address: a simulated cloud's servers are probed on 127.0.0.0/8 "
            + "or ::1 only, never on an address a real machine may have"
    }

    /// Whether `address` is an IP literal in 127.0.0.0/8, ::1, or the IPv4-mapped form of the former.
    /// Strict forms only (`127.1` and `0x7f.0.0.1` are not addresses here), so what is checked is
    /// what is connected to.
    public static func isLoopback(_ address: String) -> Bool {
        var text = address
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.contains(":") {
            var storage = in6_addr()
            guard inet_pton(AF_INET6, text, &storage) == 1 else { return false }
            let bytes = withUnsafeBytes(of: &storage) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            // ::ffff:a.b.c.d reaches the IPv4 address a.b.c.d.
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
        var storage = in_addr()
        guard inet_pton(AF_INET, text, &storage) == 1 else { return false }
        return withUnsafeBytes(of: &storage) { $0[0] } == 127
    }
}
