import Foundation
import Testing

@testable import HuaweiCloud

/// The chain's order (environment, SDK file, KooCLI, ECS metadata), `--profile`, and the places
/// it names when it finds nothing. The metadata service is a closed loopback port here; it is
/// reached for real in CloudSimulatorTests.
struct CredentialChainTests {
    typealias Home = CredentialsResolutionTests.TemporaryHome

    static let closedMetadata = "http://127.0.0.1:9"

    static func kooCLI(current: String = "default", profiles: [[String: Any]]) -> String {
        let object: [String: Any] = ["current": current, "language": "en", "profiles": profiles]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func profile(_ name: String, ak: String, mode: String = "AKSK", extra: [String: Any] = [:]) -> [String: Any] {
        ["name": name, "mode": mode, "accessKeyId": ak, "secretAccessKey": Fixture.secretKey, "securityToken": "",
         "region": "ap-southeast-1", "projectId": "kooproject\(name)"].merging(extra) { $1 }
    }

    static let twoProfiles = kooCLI(current: "work", profiles: [
        profile("default", ak: "KOODEFAULTAK00000001"), profile("work", ak: "KOOWORKAK00000000001"),
    ])

    func writeKooCLI(_ home: Home, _ text: String, mode: Int = 0o600) throws {
        try FileManager.default.createDirectory(atPath: home.path + "/.hcloud", withIntermediateDirectories: true)
        try home.write(text, mode: mode, to: home.path + "/.hcloud/config.json")
    }

    func environment(_ home: Home, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": home.path, "ECS_REINSTALL_METADATA_URL": Self.closedMetadata].merging(extra) { $1 }
    }

    // MARK: Order

    @Test func theEnvironmentWinsOverTheFileAndKooCLI() async throws {
        let home = try Home()
        try home.write(CredentialsResolutionTests.basic, mode: 0o600)
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(environment: environment(home, [
            "HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "ENVSK",
        ])).resolve()
        #expect(found.source == .environment)
        #expect(try await found.provider.credentials().accessKey == "ENVAK")
    }

    @Test func theSDKFileWinsOverKooCLI() async throws {
        let home = try Home()
        try home.write(CredentialsResolutionTests.basic, mode: 0o600)
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(environment: environment(home)).resolve()
        #expect(found.source == .credentialsFile(path: home.credentialsPath))
        #expect(try await found.provider.credentials().accessKey == "FILEAK000000000000001")
        #expect(found.region == nil)
    }

    @Test func kooCLIsCurrentProfileIsUsedWhenNothingElseIs() async throws {
        let home = try Home()
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(environment: environment(home)).resolve()
        #expect(found.source == .kooCLIProfile(name: "work", path: home.path + "/.hcloud/config.json"))
        let credentials = try await found.provider.credentials()
        #expect(credentials.accessKey == "KOOWORKAK00000000001")
        #expect(credentials.securityToken == nil, "an empty securityToken is no token")
        #expect(credentials.projectId == "kooprojectwork")
        #expect(found.region == "ap-southeast-1")
    }

    @Test func theEnvironmentsProjectWinsOverTheProfiles() async throws {
        let home = try Home()
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(environment: environment(home, ["HUAWEICLOUD_SDK_PROJECT_ID": "P-ENV"])).resolve()
        #expect(found.projectId(in: "ap-southeast-1") == "P-ENV")
        #expect(found.projectId(in: "cn-north-4") == "P-ENV")
    }

    /// A profile's (or an ECS's) project belongs to its region: in another one it is looked up.
    @Test func aSourcesProjectIsUsedOnlyInItsRegion() async throws {
        let home = try Home()
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(environment: environment(home)).resolve()
        #expect(found.projectId(in: "ap-southeast-1") == "kooprojectwork")
        #expect(found.projectId(in: "cn-north-4") == nil)
        // The SDK file names no region: its project_id is used wherever the region is.
        let file = try Home()
        try file.write(CredentialsResolutionTests.basic, mode: 0o600)
        let fromFile = try await CredentialChain(environment: environment(file)).resolve()
        #expect(fromFile.projectId(in: "eu-west-101") == "0123456789abcdef0123456789abcdef")
    }

    @Test func anExplicitProfileIsUsedWhateverElseIsConfigured() async throws {
        let home = try Home()
        try home.write(CredentialsResolutionTests.basic, mode: 0o600)
        try writeKooCLI(home, Self.twoProfiles)
        let found = try await CredentialChain(
            environment: environment(home, ["HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "ENVSK"]),
            profile: "default"
        ).resolve()
        #expect(found.source == .kooCLIProfile(name: "default", path: home.path + "/.hcloud/config.json"))
        #expect(try await found.provider.credentials().accessKey == "KOODEFAULTAK00000001")
    }

    // MARK: KooCLI's file

    @Test func aMissingProfileIsAnErrorNamingTheProfilesThereAre() async throws {
        let home = try Home()
        try writeKooCLI(home, Self.twoProfiles)
        do {
            _ = try await CredentialChain(environment: environment(home), profile: "prod").resolve()
            Issue.record("a missing profile was accepted")
        } catch let error as CloudError {
            #expect(error.message.contains("--profile prod"))
            #expect(error.message.contains("default, work"))
            #expect(!error.message.contains(Fixture.secretKey))
        }
        // A current profile that is missing is skipped, and said.
        try writeKooCLI(home, Self.kooCLI(current: "gone", profiles: [Self.profile("default", ak: "KOOAK")]))
        await #expect(throws: CredentialsNotFound.self) { try await CredentialChain(environment: environment(home)).resolve() }
    }

    @Test(arguments: [
        // KooCLI's own setting turned on, in the profile or for the file.
        (CredentialChainTests.kooCLI(profiles: [CredentialChainTests.profile("default", ak: "KOOAK0000000000001", extra: ["cliAuthEncrypt": true])]), "encrypted"),
        (CredentialChainTests.kooCLI(profiles: [CredentialChainTests.profile("default", ak: "KOOAK0000000000001")]).replacingOccurrences(
            of: "\"current\"", with: "\"authEncrypt\" : \"true\", \"current\""), "encrypted"),
        // Ciphertext where the access key should be.
        (CredentialChainTests.kooCLI(profiles: [CredentialChainTests.profile("default", ak: "c2VjcmV0LWNpcGhlcnRleHQtb2YtdGhlLWFr+/==")]), "encrypted"),
        // Another mode.
        (CredentialChainTests.kooCLI(profiles: [CredentialChainTests.profile("default", ak: "", mode: "ecsAgency")]), "mode ecsAgency"),
        (CredentialChainTests.kooCLI(profiles: [CredentialChainTests.profile("default", ak: "KOOAK", mode: "SSO")]), "mode SSO"),
    ])
    func unusableProfilesAreSkippedUnlessNamed(text: String, reason: String) async throws {
        let home = try Home()
        try writeKooCLI(home, text)
        // Not named: skipped for the next source (here none), and said in the places looked at.
        do {
            _ = try await CredentialChain(environment: environment(home)).resolve()
            Issue.record("an unusable profile was accepted")
        } catch let notFound as CredentialsNotFound {
            let kooCLI = notFound.places.first { $0.place.hasSuffix("(KooCLI)") }?.finding ?? ""
            #expect(kooCLI.hasPrefix("skipped: KooCLI profile default") && kooCLI.contains(reason), "\(kooCLI)")
            #expect(!notFound.message.contains(Fixture.secretKey))
        }
        // Named with --profile: refused, saying why.
        do {
            _ = try await CredentialChain(environment: environment(home), profile: "default").resolve()
            Issue.record("an unusable profile was accepted")
        } catch let error as CloudError {
            #expect(error.message.contains("KooCLI profile default"), "\(error.message)")
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(!error.message.contains(Fixture.secretKey))
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604])
    func aKooCLIFileOthersCanReadIsRefused(mode: Int) async throws {
        let home = try Home()
        try writeKooCLI(home, Self.twoProfiles, mode: mode)
        do {
            _ = try await CredentialChain(environment: environment(home)).resolve()
            Issue.record("mode \(String(mode, radix: 8)) was accepted")
        } catch let error as CloudError {
            #expect(error.message.contains("chmod 600 \(home.path)/.hcloud/config.json"))
            #expect(!error.message.contains(Fixture.secretKey))
        }
    }

    // MARK: The SDK file's iam_endpoint

    @Test func theSDKFilesIAMEndpointReachesEndpointsAfterTheEnvironments() async throws {
        let home = try Home()
        try home.write(CredentialsResolutionTests.basic + "\niam_endpoint = https://iam.example.internal\n", mode: 0o600)
        let found = try await CredentialChain(environment: environment(home)).resolve()
        #expect(found.iamEndpoint == "https://iam.example.internal")
        let endpoints = Endpoints(region: "cn-north-4", environment: [:], iamEndpoint: found.iamEndpoint)
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.example.internal")
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.cn-north-4.myhuaweicloud.com")
        for variable in ["HUAWEICLOUD_SDK_IAM_ENDPOINT", "HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4"] {
            let winning = Endpoints(region: "cn-north-4", environment: [variable: "https://iam.from-env.example"],
                                    iamEndpoint: found.iamEndpoint)
            #expect(try winning.url(for: .iam).absoluteString == "https://iam.from-env.example", "\(variable)")
        }
    }

    // MARK: Nothing found

    @Test func nothingFoundListsEveryPlaceLookedAt() async throws {
        let home = try Home()
        do {
            _ = try await CredentialChain(environment: environment(home)).resolve()
            Issue.record("credentials were found in an empty home")
        } catch let notFound as CredentialsNotFound {
            #expect(notFound.places.map(\.place) == [
                "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", home.credentialsPath + " (HUAWEICLOUD_SDK_CREDENTIALS_FILE not set)",
                home.path + "/.hcloud/config.json (KooCLI)", Self.closedMetadata + " (ECS metadata)",
            ])
            #expect(notFound.places[1].finding == "does not exist")
            #expect(notFound.places[3].finding == "not an ECS (connection refused)")
            #expect(notFound.message.contains("--demo"))
        }
    }

    @Test func anExistingFileWithoutKeysIsSaidToExist() async throws {
        let home = try Home()
        try home.write("[other]\nak = A\n", mode: 0o600)
        do {
            _ = try await CredentialChain(environment: environment(home, ["ECS_REINSTALL_METADATA_URL": "off"])).resolve()
            Issue.record("credentials were found")
        } catch let notFound as CredentialsNotFound {
            #expect(notFound.places[1].finding == "no ak and sk in [basic]")
            #expect(notFound.places.last == PlaceLookedAt("ECS metadata", "turned off by ECS_REINSTALL_METADATA_URL"))
        }
    }

    @Test(arguments: ["http://example.com", "https://169.254.169.254", "http://10.0.0.1:80", "ftp://127.0.0.1"])
    func theMetadataServiceIsReachedOnlyOnTheLinkLocalAddressOrLoopback(url: String) async throws {
        let home = try Home()
        await #expect(throws: CloudError.self) {
            try await CredentialChain(environment: environment(home, ["ECS_REINSTALL_METADATA_URL": url])).resolve()
        }
        #expect(try ECSMetadataService.configured(environment: [:])?.baseURL.absoluteString == "http://169.254.169.254")
    }

    @Test func theMetadataTimeIsReadWithAnyFraction() {
        let whole = ECSMetadataService.date("2026-01-02T03:04:05Z")
        #expect(whole == ECSMetadataService.date("2026-01-02T03:04:05.123456Z"))
        #expect(whole != nil)
        #expect(ECSMetadataService.date("yesterday") == nil)
    }
}
