import Foundation

/// The one rule for "this machine", so that its users cannot drift apart: plain http may go only
/// there (`Endpoints`), a simulated cloud's servers are probed only there and an ECS endpoint
/// there means a simulated cloud (`ProbePolicy`), the simulator's login ports bind only there.
public enum Loopback {
    /// Whether `text` is an IP literal in 127.0.0.0/8, `::1`, or `::ffff:127.x.x.x` (the IPv4-mapped
    /// form reaches the same address); brackets allowed. Strict forms only (`inet_pton`: `127.1` and
    /// `0x7f.0.0.1` are not addresses here), so what is checked is what is connected to.
    public static func isAddress(_ text: String) -> Bool {
        var text = text
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.contains(":") {
            var storage = in6_addr()
            guard inet_pton(AF_INET6, text, &storage) == 1 else { return false }
            let bytes = withUnsafeBytes(of: &storage) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
        var storage = in_addr()
        guard inet_pton(AF_INET, text, &storage) == 1 else { return false }
        return withUnsafeBytes(of: &storage) { $0[0] } == 127
    }

    /// `isAddress`, or a name that is this machine by definition (RFC 6761): `localhost` and
    /// `*.localhost`, in any case, with or without the final dot.
    public static func isHost(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name == "localhost" || name.hasSuffix(".localhost") || isAddress(host)
    }
}
