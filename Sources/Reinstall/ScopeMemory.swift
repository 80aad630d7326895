import Crypto
import Foundation
import HuaweiCloud
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The file for `environment`.
    public static func defaultFile(environment: [String: String]) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("ecs-reinstall/last-scope.json")
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

    /// Keeps `scope` as this account's, beside the other accounts', replacing the file atomically.
    public func remember(_ scope: ProjectScope) throws {
        var contents = read() ?? Contents()
        contents.accounts[account] = scope
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(contents)
        let folder = file.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        do {
            let descriptor = try FileDescriptor.open(
                temporary.path, .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite])
            try descriptor.closeAfter {
                _ = try descriptor.writeAll(data)
                guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
            }
            guard rename(temporary.path, file.path) == 0 else { throw Errno(rawValue: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    private func read() -> Contents? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(Contents.self, from: data)
    }
}
