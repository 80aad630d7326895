import Foundation
import HuaweiCloud

/// The ECS metadata service's side of the simulator: session tokens, and the temporary
/// credentials (AK, SK, security token) it issues and the gateway then accepts until they expire.
struct TemporaryCredentialStore: Sendable {
    struct Key: Sendable {
        var secretKey: Secret
        var securityToken: String
        var expiresAt: Date
    }

    /// The real service renews the credentials 10 minutes before they expire, and hands out the
    /// same ones until then.
    static let renewalWindow: TimeInterval = 10 * 60

    let lifetime: TimeInterval
    private(set) var keys: [String: Key] = [:]
    /// The AK handed out last.
    private(set) var latest: String?
    /// Session token → its expiry.
    private var sessions: [String: Date] = [:]
    private var random: SeededRandom

    init(lifetime: TimeInterval, seed: UInt64) {
        self.lifetime = lifetime
        random = SeededRandom(seed: seed ^ 0x7E3A_11CE_0DD5_EED5)
    }

    mutating func openSession(seconds: Int, now: Date) -> String {
        let token = random.hexId() + random.hexId()
        sessions = sessions.filter { $0.value > now }
        sessions[token] = now.addingTimeInterval(TimeInterval(seconds))
        return token
    }

    func isValidSession(_ token: String?, now: Date) -> Bool {
        guard let token, let expiry = sessions[token] else { return false }
        return expiry > now
    }

    /// The credentials in force, or new ones when they are within the renewal window.
    mutating func current(now: Date) -> (accessKey: String, key: Key) {
        if let latest, let key = keys[latest],
           key.expiresAt.timeIntervalSince(now) > min(Self.renewalWindow, lifetime / 2) {
            return (latest, key)
        }
        let accessKey = "TMP" + random.hexId().prefix(17).uppercased()
        let key = Key(secretKey: Secret(random.hexId() + random.hexId().prefix(8)),
                      securityToken: "gQ" + random.hexId() + random.hexId() + random.hexId(),
                      expiresAt: now.addingTimeInterval(lifetime))
        // Expired keys are kept: the gateway tells them apart from unknown ones.
        keys[accessKey] = key
        latest = accessKey
        return (accessKey, key)
    }
}
