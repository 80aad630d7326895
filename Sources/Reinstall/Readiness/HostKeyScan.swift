import Crypto
import Foundation

/// A host key as `ssh-keygen -l` shows it: its type and `SHA256:` fingerprint.
public struct HostKey: Sendable, Equatable, Codable {
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`…
    public var type: String
    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key blob.
    public var fingerprint: String

    public init(type: String, fingerprint: String) {
        self.type = type
        self.fingerprint = fingerprint
    }

    /// The key of a known_hosts or `.pub` line's type and base64 blob; nil when the blob is not base64.
    public init?(type: String, base64Blob: String) {
        guard let blob = Data(base64Encoded: base64Blob), !blob.isEmpty else { return nil }
        self.init(type: type, fingerprint: Self.fingerprint(of: blob))
    }

    /// ssh's SHA256 fingerprint of a key blob.
    public static func fingerprint(of blob: Data) -> String {
        var text = Data(SHA256.hash(data: blob)).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }
}

/// The new host keys, read with `ssh-keyscan` when it is installed: after a reinstall they are
/// what the operator compares on the first login.
public enum HostKeyScan {
    public enum Result: Sendable, Equatable {
        case keys([HostKey])
        /// Why there are none: no ssh-keyscan, the policy, no answer.
        case unavailable(String)
    }

    /// Scans `target` (SSH only) within `timeout`. Under a simulated cloud nothing is scanned.
    public static func scan(_ target: LoginTarget, policy: ProbePolicy, timeout: Duration = .seconds(10),
                            tool: ExternalTool? = ExternalTool.find("ssh-keyscan")) async -> Result {
        guard target.kind == .ssh else { return .unavailable("an RDP server has no SSH host key") }
        // A simulated server's port sends a banner and nothing more: there is no key to read.
        if policy == .simulatedCloud { return .unavailable(simulatedServer) }
        guard let tool else { return .unavailable("ssh-keyscan is not installed (package openssh-client)") }
        let seconds = max(1, Int(timeout.timeInterval.rounded(.up)))
        let output: ExternalTool.Output
        do {
            // `--` ends the options: an address cannot be taken for one.
            output = try await tool.run(["-T", String(seconds), "-p", String(target.port), "--", target.address],
                                        timeout: timeout + .seconds(2))
        } catch is CancellationError {
            return .unavailable("the scan was cancelled (ssh-keyscan was stopped)")
        } catch {
            return .unavailable("ssh-keyscan could not be started: \(error)")
        }
        let keys = parse(output.standardOutput)
        if keys.isEmpty {
            let said = ToolText.lines(output.standardError)
            return .unavailable("ssh-keyscan found no host key" + (said.isEmpty ? "" : ": \(said)"))
        }
        return .keys(keys)
    }

    public static let simulatedServer = "a simulated server has no SSH host key (its port sends a banner only)"

    /// The keys in ssh-keyscan's output (`host type base64` lines; comments skipped).
    public static func parse(_ output: String) -> [HostKey] {
        output.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 3, !fields[0].hasPrefix("#") else { return nil }
            return HostKey(type: String(fields[1]), base64Blob: String(fields[2]))
        }
    }
}
