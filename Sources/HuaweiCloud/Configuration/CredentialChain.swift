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
        /// The project the source names (the file's `project_id`, the profile's `projectId`, the
        /// ECS's project), which belongs to `region` when the source names one.
        public var sourceProjectId: String?
        /// `HUAWEICLOUD_SDK_PROJECT_ID`.
        public var environmentProjectId: String?

        public var source: CredentialSource { provider.source }

        /// The project to use in `region`, nil to look it up. One rule for every source:
        /// `HUAWEICLOUD_SDK_PROJECT_ID` first; then the source's own project, but only in the
        /// region it belongs to (a profile or an ECS of cn-north-4 says nothing of cn-east-3's).
        public func projectId(in region: String) -> String? {
            if let environmentProjectId { return environmentProjectId }
            guard self.region == nil || self.region == region else { return nil }
            return sourceProjectId
        }
    }

    public func resolve() async throws -> Resolved {
        var resolved = try await find()
        resolved.environmentProjectId = nonEmpty("HUAWEICLOUD_SDK_PROJECT_ID")
        return resolved
    }

    private func find() async throws -> Resolved {
        if let profile {
            guard let config = KooCLIConfig.location(environment: environment) else {
                throw CloudError.configuration("--profile \(profile): there is no home directory (HOME) to find ~/.hcloud/config.json in.")
            }
            do {
                guard let found = try kooCLI(config, profile: profile) else {
                    throw CloudError.configuration("--profile \(profile): KooCLI's configuration \(config.path) has no profiles.")
                }
                return found
            } catch let unusable as KooCLIConfig.UnusableProfile {
                throw CloudError.configuration(unusable.message)
            }
        }
        var places: [PlaceLookedAt] = []

        if let credentials = try Credentials.resolveEnvironment(environment) {
            return Resolved(provider: StaticCredentialProvider(credentials, source: .environment),
                            sourceProjectId: credentials.projectId)
        }
        places.append(PlaceLookedAt("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "not set"))

        if let file = CredentialsFile.location(environment: environment) {
            if let basic = try file.loadBasic() {
                return Resolved(provider: StaticCredentialProvider(basic.credentials, source: .credentialsFile(path: file.path)),
                                iamEndpoint: basic.iamEndpoint, sourceProjectId: basic.credentials.projectId)
            }
            let place = file.path + (file.isExplicit ? "" : " (HUAWEICLOUD_SDK_CREDENTIALS_FILE not set)")
            places.append(PlaceLookedAt(place, file.exists ? "no ak and sk in [basic]" : "does not exist"))
        } else {
            places.append(PlaceLookedAt("~/.huaweicloud/credentials", "no home directory (HOME is not set)"))
        }

        if let config = KooCLIConfig.location(environment: environment) {
            do {
                if let found = try kooCLI(config, profile: nil) { return found }
                let exists = FileManager.default.fileExists(atPath: config.path)
                places.append(PlaceLookedAt(config.path + " (KooCLI)", exists ? "no profiles" : "does not exist"))
            } catch let unusable as KooCLIConfig.UnusableProfile {
                // Not asked for by name: skipped, and said if nothing else is found.
                places.append(PlaceLookedAt(config.path + " (KooCLI)", "skipped: " + unusable.message))
            }
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
        let source = CredentialSource.kooCLIProfile(name: found.name, path: config.path)
        return Resolved(provider: StaticCredentialProvider(found.credentials, source: source), region: found.region,
                        sourceProjectId: found.credentials.projectId)
    }

    private func agency(_ metadata: ECSMetadataService) async throws(ECSMetadataService.Unavailable) -> Resolved {
        // The SDKs' order: the security key first (its absence says "no agency"), then the instance.
        let initial = try await metadata.credentials(projectId: nil)
        let instance = try await metadata.instance()
        let provider = RefreshingCredentialProvider(
            initial: initial, source: .ecsMetadata(url: metadata.baseURL.absoluteString), now: now
        ) {
            do throws(ECSMetadataService.Unavailable) {
                return try await metadata.credentials(projectId: nil)
            } catch {
                throw CloudError.configuration("The ECS metadata service gave no credentials: \(error.reason).")
            }
        }
        return Resolved(provider: provider, region: instance.region, sourceProjectId: instance.projectId)
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
