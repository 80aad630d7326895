import Foundation

/// KooCLI's configuration file, `~/.hcloud/config.json`: `current` names the profile used by
/// default, and each of `profiles[]` has a `name`, a `mode`, and for mode `AKSK` the keys
/// `accessKeyId`, `secretAccessKey`, `securityToken` (temporary keys), `region` and `projectId`.
///
/// Only unencrypted AKSK profiles can be used: KooCLI encrypts the keys by default with a key of
/// its own (`hcloud configure set --cli-auth-encrypt=false` stores them in clear text). Like the
/// SDK's credentials file, the file is refused when group or others may access it.
public struct KooCLIConfig: Sendable, Equatable {
    public var path: String

    public init(path: String) { self.path = path }

    /// A usable profile.
    public struct Profile: Sendable, Equatable {
        public var name: String
        public var credentials: Credentials
        public var region: String?
    }

    /// A profile this tool cannot use (missing, another mode, encrypted keys, half a key pair).
    /// The chain skips such a profile when it was not asked for by name: KooCLI encrypts keys by
    /// default and has an agency mode of its own, both common on an ECS jump host, where the
    /// metadata service comes next.
    public struct UnusableProfile: Error, Sendable, Equatable {
        public var name: String
        /// What is wrong and what to do.
        public var message: String
    }

    /// `$HOME/.hcloud/config.json`; nil without a home.
    public static func location(environment: [String: String]) -> KooCLIConfig? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return KooCLIConfig(path: home + "/.hcloud/config.json")
    }

    /// The profile `name` (nil: the file's current one); nil when the file does not exist and no
    /// profile was asked for. Throws `UnusableProfile` for a profile that is missing, encrypted or
    /// not AKSK, and `CloudError` for a file that is too open or not KooCLI's JSON.
    public func load(profile name: String?) throws -> Profile? {
        guard let text = try PrivateFile.read(path, describedAs: "KooCLI configuration") else {
            if let name {
                throw CloudError.configuration(
                    "--profile \(name): KooCLI's configuration \(path) does not exist. "
                        + "Create the profile with: hcloud configure set --cli-profile=\(name) --cli-mode=AKSK --cli-auth-encrypt=false …")
            }
            return nil
        }
        return try Self.profile(in: Data(text.utf8), named: name, path: path)
    }

    static func profile(in data: Data, named requested: String?, path: String) throws -> Profile? {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CloudError.configuration("KooCLI's configuration \(path) is not a JSON object. Check it with: hcloud configure list")
        }
        let profiles = (root["profiles"] as? [[String: Any]]) ?? []
        let current = (root["current"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let name = requested ?? current ?? "default"
        guard let profile = profiles.first(where: { ($0["name"] as? String) == name }) else {
            if requested == nil && current == nil && profiles.isEmpty { return nil }
            let known = profiles.compactMap { $0["name"] as? String }
            let which = requested != nil ? "--profile \(name)" : "The current KooCLI profile \(name)"
            throw UnusableProfile(name: name, message:
                "\(which) is not in \(path) (profiles: \(known.isEmpty ? "none" : known.joined(separator: ", "))). "
                    + "Choose one with --profile NAME, or add it with: hcloud configure set --cli-profile=\(name) --cli-mode=AKSK …")
        }
        func text(_ key: String) -> String? {
            (profile[key] as? String).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let mode = text("mode") ?? "AKSK"
        guard mode.uppercased() == "AKSK" else {
            let advice = mode.lowercased() == "ecsagency"
                ? "On an ECS, the agency's credentials are read from the metadata service without a profile: drop --profile (and the other sources)"
                : "Use a profile in mode AKSK (hcloud configure set --cli-profile=\(name) --cli-mode=AKSK …), or another source of credentials"
            throw UnusableProfile(name: name, message:
                "KooCLI profile \(name) in \(path) is in mode \(mode), which this tool cannot use. \(advice).")
        }
        if isEncrypted(root: root, profile: profile) {
            throw UnusableProfile(name: name, message:
                "KooCLI profile \(name) in \(path) holds encrypted keys, which only KooCLI can read. Store them "
                    + "unencrypted (hcloud configure set --cli-profile=\(name) --cli-auth-encrypt=false, then set the keys "
                    + "again; keep the file mode 600), or use the SDK's environment variables or credentials file.")
        }
        guard let accessKey = text("accessKeyId"), let secretKey = text("secretAccessKey") else {
            let missing = text("accessKeyId") == nil ? "accessKeyId" : "secretAccessKey"
            throw UnusableProfile(name: name, message:
                "KooCLI profile \(name) in \(path) has no \(missing). Set both keys: "
                    + "hcloud configure set --cli-profile=\(name) --cli-access-key=… --cli-secret-key=…")
        }
        let credentials = Credentials(
            accessKey: accessKey, secretKey: Secret(secretKey), securityToken: text("securityToken").map { Secret($0) },
            projectId: text("projectId"))
        return Profile(name: name, credentials: credentials, region: text("region"))
    }

    /// Whether the keys are stored encrypted. Inferred, not documented: a setting whose name
    /// mentions encryption turned on (in the file or the profile), or an access key that is not the
    /// plain letters and digits every Huawei Cloud AK is (ciphertext is long and base64/hex).
    static func isEncrypted(root: [String: Any], profile: [String: Any]) -> Bool {
        func on(_ object: [String: Any]) -> Bool {
            object.contains { key, value in
                guard key.lowercased().contains("encrypt") else { return false }
                if let flag = value as? Bool { return flag }
                if let text = value as? String { return ["true", "yes", "on", "1"].contains(text.lowercased()) }
                return false
            }
        }
        if on(root) || on(profile) { return true }
        guard let accessKey = profile["accessKeyId"] as? String, !accessKey.isEmpty else { return false }
        let plain = accessKey.count <= 64 && accessKey.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return !plain
    }
}
