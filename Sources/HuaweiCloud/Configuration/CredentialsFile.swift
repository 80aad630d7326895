import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The official SDK's credentials file: INI, section `[basic]`, keys `ak`, `sk`, `project_id`,
/// `security_token`. Like OpenSSH with a private key, a file that group or others may access is
/// refused: it holds a secret key.
public struct CredentialsFile: Sendable, Equatable {
    public var path: String
    /// Named by `HUAWEICLOUD_SDK_CREDENTIALS_FILE`: then a missing file is an error, not "none configured".
    public var isExplicit: Bool

    public init(path: String, isExplicit: Bool) {
        self.path = path
        self.isExplicit = isExplicit
    }

    /// `$HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `$HOME/.huaweicloud/credentials`; nil without a home.
    public static func location(environment: [String: String]) -> CredentialsFile? {
        if let path = environment["HUAWEICLOUD_SDK_CREDENTIALS_FILE"], !path.isEmpty {
            return CredentialsFile(path: expandingTilde(path, home: environment["HOME"]), isExplicit: true)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return CredentialsFile(path: home + "/.huaweicloud/credentials", isExplicit: false)
    }

    /// The credentials of `[basic]`; nil when the default file does not exist or has no `[basic]`
    /// keys. Throws for a file that is too open, unreadable, or incomplete.
    public func load() throws -> Credentials? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR {
                if isExplicit {
                    throw CloudError.configuration(
                        "HUAWEICLOUD_SDK_CREDENTIALS_FILE names \(path), which does not exist. "
                            + "Create it (section [basic], keys ak and sk) or unset the variable.")
                }
                return nil
            }
            throw CloudError.configuration(
                "The credentials file \(path) cannot be read (\(String(cString: strerror(reason)))). Check its permissions.")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CloudError.configuration("The credentials file \(path) is not a regular file.")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw CloudError.configuration(
                "The credentials file \(path) is accessible by group or others (mode \(String(mode, radix: 8))), "
                    + "and it holds a secret key, so it is not used. Fix it with: chmod 600 \(path)")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CloudError.configuration("The credentials file \(path) cannot be read as UTF-8 text. Check its contents.")
        }
        return try Self.credentials(in: text, path: path)
    }

    /// The `[basic]` profile of an INI text. Both `#` and `;` start comments; keys are matched without
    /// regard to case; values are trimmed; other sections are ignored.
    static func credentials(in text: String, path: String) throws -> Credentials? {
        let basic = INI.parse(text)["basic"] ?? [:]
        func value(_ key: String) -> String? { basic[key].flatMap { $0.isEmpty ? nil : $0 } }
        let ak = value("ak")
        let sk = value("sk")
        switch (ak, sk) {
        case (nil, nil):
            return nil
        case let (ak?, sk?):
            return Credentials(accessKey: ak, secretKey: Secret(sk),
                               securityToken: value("security_token").map { Secret($0) },
                               projectId: value("project_id"))
        default:
            let missing = ak == nil ? "ak" : "sk"
            throw CloudError.configuration(
                "The [basic] section of \(path) has no \(missing). Add it (ak = … and sk = …, one per line).")
        }
    }

    private static func expandingTilde(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home, !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}

/// The small part of INI the SDK files use: `[section]`, `key = value` (or `key: value`), comments.
enum INI {
    /// Section name (trimmed, lowercased) → key (lowercased) → value (trimmed). Later keys win.
    static func parse(_ text: String) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).lowercased()
                continue
            }
            guard let section = current,
                  let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" })
            else { continue }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            sections[section, default: [:]][key] = value
        }
        return sections
    }
}
