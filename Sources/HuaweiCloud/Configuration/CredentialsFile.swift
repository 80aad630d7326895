import Foundation

/// The official SDK's credentials file: INI, section `[basic]`, keys `ak`, `sk`, `project_id`,
/// `security_token`, `iam_endpoint`. Like OpenSSH with a private key, a file that group or others may access is
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

    /// What `[basic]` configures: the credentials and, optionally, the IAM endpoint.
    public struct Basic: Sendable, Equatable {
        public var credentials: Credentials
        /// `iam_endpoint`: IAM's base URL (for the project lookup), after the environment's.
        public var iamEndpoint: String?
    }

    /// What `[basic]` holds; nil when the default file does not exist or has no `[basic]` keys.
    /// Throws for a file that is too open, unreadable, or incomplete.
    public func loadBasic() throws -> Basic? {
        guard let text = try PrivateFile.read(path, describedAs: "credentials file") else {
            if isExplicit {
                throw CloudError.configuration(
                    "HUAWEICLOUD_SDK_CREDENTIALS_FILE names \(path), which does not exist. "
                        + "Create it (section [basic], keys ak and sk) or unset the variable.")
            }
            return nil
        }
        return try Self.basic(in: text, path: path)
    }

    /// Whether the file exists (for the list of places looked at).
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The `[basic]` profile of an INI text. Both `#` and `;` start comments; keys are matched without
    /// regard to case; values are trimmed; other sections are ignored.
    static func basic(in text: String, path: String) throws -> Basic? {
        let basic = INI.parse(text)["basic"] ?? [:]
        func value(_ key: String) -> String? { basic[key].flatMap { $0.isEmpty ? nil : $0 } }
        let ak = value("ak")
        let sk = value("sk")
        switch (ak, sk) {
        case (nil, nil):
            return nil
        case let (ak?, sk?):
            let credentials = Credentials(accessKey: ak, secretKey: Secret(sk),
                                          securityToken: value("security_token").map { Secret($0) },
                                          projectId: value("project_id"))
            return Basic(credentials: credentials, iamEndpoint: value("iam_endpoint"))
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
