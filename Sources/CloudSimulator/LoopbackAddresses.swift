import HuaweiCloud

/// Loopback addresses for simulated servers (`SimulatorConfiguration.loopbackAddresses`), so that a
/// client probing a server's login port reaches this machine and nothing else: the n-th server
/// (from 0) gets 127.0.0.(n+2) and on through 127.0.1.0… (127.0.0.1 stays the simulator's own).
enum LoopbackAddresses {
    static func address(index: Int) -> String {
        let n = index + 2
        return "127.\((n >> 16) & 0xFF).\((n >> 8) & 0xFF).\(n & 0xFF)"
    }

    /// Every fixed IPv4 address of each server replaced by its loopback address; floating ones
    /// stay (they are never probed unless chosen, and a simulated cloud refuses to probe them).
    /// `first` numbers a later project's servers after the earlier ones', so no two servers of
    /// the account share an address.
    static func assign(_ servers: [Server], first: Int = 0) -> [Server] {
        servers.enumerated().map { index, server in
            var server = server
            let loopback = address(index: first + index)
            for (network, addresses) in server.addresses {
                server.addresses[network] = addresses.map { address in
                    guard (address.type ?? "fixed") == "fixed", (address.version ?? "4") == "4" else { return address }
                    var changed = address
                    changed.addr = loopback
                    return changed
                }
            }
            return server
        }
    }
}
