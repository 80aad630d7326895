import Crypto
import Foundation
import HuaweiCloud

/// The last region and project the TUI worked in, per account, so the next start opens there:
/// `$XDG_STATE_HOME/ecs-reinstall/last-scope.json` (`~/.local/state/…` without it), mode 0600,
/// its folder created 0700. An account is keyed by where its credentials come from, the start of
/// its access key's SHA-256 and the `--endpoint` host, never by a secret. The commands for scripts
/// never read it.
public struct ScopeMemory: Sendable {
    public let file: URL
    /// This account's key in the file (`accountKey`).
    public let account: String

    public init(file: URL, account: String) {
        self.file = file
        self.account = account
    }

    /// The file for `environment`, beside the job journal.
    public static func defaultFile(environment: [String: String]) -> URL {
        StateFile.url("last-scope.json", environment: environment)
    }

    /// Names an account without a secret: the credentials' source (the variables, the file's path,
    /// the KooCLI profile, the metadata service, the demo), its access key as the first 16 hex
    /// digits of its SHA-256 (two accounts exported in turn through the same variables are two
    /// keys; the access key is no secret, but stays out of files all the same), and the
    /// `--endpoint` host, if any. Nil `accessKey`: a source whose keys change (the metadata
    /// service's temporary ones), named by its source alone.
    public static func accountKey(source: CredentialSource, accessKey: String? = nil, endpoint: URL?) -> String {
        var origin = switch source {
        case .environment: "env"
        case let .credentialsFile(path): "file:\(path)"
        case let .kooCLIProfile(name, path): "koocli:\(path)#\(name)"
        case let .ecsMetadata(url): "ecs-metadata:\(url)"
        case .demo: "demo"
        }
        if let accessKey {
            let digest = SHA256.hash(data: Data(accessKey.utf8))
            origin += "#ak:" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        }
        guard let endpoint, let host = endpoint.host else { return origin }
        return origin + "@" + host + (endpoint.port.map { ":\($0)" } ?? "")
    }

    /// The file as written: one scope per account.
    private struct Contents: Codable {
        var accounts: [String: ProjectScope] = [:]
    }

    /// This account's remembered scope; nil when there is none, or the file cannot be read (it is
    /// only a convenience: the next switch writes it anew).
    public func recall() -> ProjectScope? {
        read()?.accounts[account]
    }

    /// Keeps `scope` as this account's, beside the other accounts', replacing the file atomically
    /// under the lock, so two instances remembering at once keep both.
    public func remember(_ scope: ProjectScope) throws {
        try StateFile.withLock(on: file) {
            var contents = read() ?? Contents()
            contents.accounts[account] = scope
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try StateFile.replace(file, with: try encoder.encode(contents))
        }
    }

    private func read() -> Contents? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(Contents.self, from: data)
    }
}
