import Foundation
import HuaweiCloud
import Reinstall

/// The demo's own known_hosts, in its scratch folder: an old host key for every simulated Linux server
/// (one plain line, one hashed as `HashKnownHosts yes` writes them), so that after a reinstall the
/// advice to remove them shows, and the `ssh-keygen -R` it names can be run on this file, never
/// on the operator's.
enum DemoKnownHosts {
    static func write(to file: URL, servers: [Server], port: Int) throws {
        var lines = ["# The demo's known_hosts: old host keys of the simulated servers (not the operator's file)."]
        // Windows servers are logged into with RDP: no SSH host key to have kept.
        for server in servers where !server.isWindows {
            guard let address = server.privateIP else { continue }
            let name = KnownHosts.hostName(address: address, port: port)
            lines.append("\(name) ssh-ed25519 \(oldKey(server.id, type: "ssh-ed25519"))")
            let salt = (0..<20).map { _ in UInt8.random(in: 0...255) }
            lines.append("\(KnownHosts.hashedField(name: name, salt: salt)) ecdsa-sha2-nistp256 "
                + oldKey(server.id, type: "ecdsa-sha2-nistp256"))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
    }

    /// A key blob in the SSH wire shape (the type's name, then made-up key bytes drawn from the
    /// server id): stable for a server, and no key anyone holds.
    private static func oldKey(_ serverId: String, type: String) -> String {
        func field(_ bytes: [UInt8]) -> [UInt8] {
            let count = UInt32(bytes.count)
            return [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)] + bytes
        }
        let seed = Array((serverId + type).utf8)
        let material = (0..<32).map { seed[$0 % seed.count] &+ UInt8($0) }
        return Data(field(Array(type.utf8)) + field(material)).base64EncodedString()
    }
}
