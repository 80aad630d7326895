import Foundation

/// Finds the credentials to use, the first source found winning, in the official SDKs' order:
/// 1. the environment (`HUAWEICLOUD_SDK_AK`, `_SK`, `_SECURITY_TOKEN`, `_PROJECT_ID`);
/// 2. the SDK's credentials file (`$HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`);
/// 3. KooCLI's current profile in `~/.hcloud/config.json`;
/// 4. the ECS metadata service: an agency's temporary credentials, renewed before they expire.
///
/// `profile` (`--profile NAME`) asks for that KooCLI profile and nothing else: a name given on the
/// command line is meant, whatever the environment holds.
///
/// Something configured but unusable (half a key pair, a file others can read, an encrypted
/// profile) throws `CloudError.configuration` with what to do; nothing configured throws
/// `CredentialsNotFound` with every place looked at. No message holds a secret.
public struct CredentialChain: Sendable {
    public var environment: [String: String]
    public var profile: String?
    /// The temporary credentials' clock (tests pass a manual one).
    public var now: @Sendable () -> Date

    public init(environment: [String: String], profile: String? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.environment = environment
        self.profile = profile
        self.now = now
    }

    /// What the chain found.
    public struct Resolved: Sendable {
        public var provider: any CredentialProvider
        /// The region the source names (a KooCLI profile's, the ECS's): used when none is given.
        public var region: String?
        /// `iam_endpoint` of the SDK's credentials file.
        public var iamEndpoint: String?

        public var source: CredentialSource { provider.source }
    }

    public func resolve() async throws -> Resolved {
        if let profile {
            guard let config = KooCLIConfig.location(environment: environment) else {
                throw CloudError.configuration("--profile \(profile): there is no home directory (HOME) to find ~/.hcloud/config.json in.")
            }
            guard let found = try kooCLI(config, profile: profile) else {
                throw CloudError.configuration("--profile \(profile): KooCLI's configuration \(config.path) has no profiles.")
            }
            return found
        }
        var places: [PlaceLookedAt] = []

        if let credentials = try Credentials.resolveEnvironment(environment) {
            return Resolved(provider: StaticCredentialProvider(credentials, source: .environment))
        }
        places.append(PlaceLookedAt("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "not set"))

        if let file = CredentialsFile.location(environment: environment) {
            if let basic = try file.loadBasic() {
                var credentials = basic.credentials
                if credentials.projectId == nil { credentials.projectId = nonEmpty("HUAWEICLOUD_SDK_PROJECT_ID") }
                return Resolved(provider: StaticCredentialProvider(credentials, source: .credentialsFile(path: file.path)),
                                iamEndpoint: basic.iamEndpoint)
            }
            let place = file.path + (file.isExplicit ? "" : " (HUAWEICLOUD_SDK_CREDENTIALS_FILE not set)")
            places.append(PlaceLookedAt(place, file.exists ? "no ak and sk in [basic]" : "does not exist"))
        } else {
            places.append(PlaceLookedAt("~/.huaweicloud/credentials", "no home directory (HOME is not set)"))
        }

        if let config = KooCLIConfig.location(environment: environment) {
            if let found = try kooCLI(config, profile: nil) { return found }
            let exists = FileManager.default.fileExists(atPath: config.path)
            places.append(PlaceLookedAt(config.path + " (KooCLI)", exists ? "no profiles" : "does not exist"))
        } else {
            places.append(PlaceLookedAt("~/.hcloud/config.json (KooCLI)", "no home directory (HOME is not set)"))
        }

        guard let metadata = try ECSMetadataService.configured(environment: environment) else {
            places.append(PlaceLookedAt("ECS metadata", "turned off by \(ECSMetadataService.environmentVariable)"))
            throw CredentialsNotFound(places: places)
        }
        do throws(ECSMetadataService.Unavailable) {
            return try await agency(metadata)
        } catch {
            places.append(PlaceLookedAt("\(metadata.baseURL.absoluteString) (ECS metadata)", error.reason))
            throw CredentialsNotFound(places: places)
        }
    }

    private func kooCLI(_ config: KooCLIConfig, profile: String?) throws -> Resolved? {
        guard let found = try config.load(profile: profile) else { return nil }
        var credentials = found.credentials
        if let project = nonEmpty("HUAWEICLOUD_SDK_PROJECT_ID") { credentials.projectId = project }
        let source = CredentialSource.kooCLIProfile(name: found.name, path: config.path)
        return Resolved(provider: StaticCredentialProvider(credentials, source: source), region: found.region)
    }

    private func agency(_ metadata: ECSMetadataService) async throws(ECSMetadataService.Unavailable) -> Resolved {
        // The SDKs' order: the security key first (its absence says "no agency"), then the instance.
        var initial = try await metadata.credentials(projectId: nil)
        let instance = try await metadata.instance()
        let projectId = nonEmpty("HUAWEICLOUD_SDK_PROJECT_ID") ?? instance.projectId
        initial.credentials.projectId = projectId
        let provider = RefreshingCredentialProvider(
            initial: initial, source: .ecsMetadata(url: metadata.baseURL.absoluteString), now: now
        ) {
            do throws(ECSMetadataService.Unavailable) {
                return try await metadata.credentials(projectId: projectId)
            } catch {
                throw CloudError.configuration("The ECS metadata service gave no credentials: \(error.reason).")
            }
        }
        return Resolved(provider: provider, region: instance.region)
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
