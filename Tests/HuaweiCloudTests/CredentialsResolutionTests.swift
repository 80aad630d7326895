import Foundation
import Testing

@testable import HuaweiCloud

/// Environment first, then the SDK's credentials file, which is refused when others can read it.
struct CredentialsResolutionTests {
    /// A temporary home directory, removed when the test ends.
    final class TemporaryHome {
        let path: String
        init() throws {
            path = NSTemporaryDirectory() + "hwc-credentials-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path + "/.huaweicloud", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        var credentialsPath: String { path + "/.huaweicloud/credentials" }

        @discardableResult
        func write(_ text: String, mode: Int, to file: String? = nil) throws -> String {
            let target = file ?? credentialsPath
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
            return target
        }
    }

    /// The chain's first two sources (the metadata service turned off): the credentials found,
    /// with the project the chain would use; nil when nothing is configured.
    static func resolve(environment: [String: String]) async throws -> Credentials? {
        let chain = CredentialChain(environment: environment.merging(["ECS_REINSTALL_METADATA_URL": "off"]) { $1 })
        do {
            let resolved = try await chain.resolve()
            var credentials = try await resolved.provider.credentials()
            credentials.projectId = resolved.projectId(in: "cn-north-4")
            return credentials
        } catch is CredentialsNotFound {
            return nil
        }
    }

    static let basic = """
        [basic]
        ak = FILEAK000000000000001
        sk = \(Fixture.secretKey)
        project_id = 0123456789abcdef0123456789abcdef
        security_token = \(Fixture.token)
        """

    @Test(arguments: [0o600, 0o400])
    func aPrivateFileIsRead(mode: Int) async throws {
        let home = try TemporaryHome()
        try home.write(Self.basic, mode: mode)
        let credentials = try #require(try await Self.resolve(environment: ["HOME": home.path]))
        #expect(credentials.accessKey == "FILEAK000000000000001")
        #expect(credentials.secretKey.reveal() == Fixture.secretKey)
        #expect(credentials.securityToken?.reveal() == Fixture.token)
        #expect(credentials.projectId == "0123456789abcdef0123456789abcdef")
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o620, 0o602, 0o777])
    func aFileOthersCanAccessIsRefusedWithTheFix(mode: Int) async throws {
        let home = try TemporaryHome()
        try home.write(Self.basic, mode: mode)
        do {
            _ = try await Self.resolve(environment: ["HOME": home.path])
            Issue.record("mode \(String(mode, radix: 8)) was accepted")
        } catch let error as CloudError {
            #expect(error.message.contains("chmod 600 \(home.credentialsPath)"))
            #expect(error.message.contains(String(mode, radix: 8)))
            #expect(!error.message.contains(Fixture.secretKey))
            #expect(!error.message.contains(Fixture.token))
        }
    }

    @Test func noFileMeansNothingConfigured() async throws {
        let home = try TemporaryHome()
        #expect(try await Self.resolve(environment: ["HOME": home.path]) == nil)
        #expect(try await Self.resolve(environment: [:]) == nil)
    }

    @Test func aFileNamedExplicitlyMustExist() async throws {
        let home = try TemporaryHome()
        let missing = home.path + "/nope"
        await #expect(throws: CloudError.self) {
            try await Self.resolve(environment: ["HOME": home.path, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": missing])
        }
    }

    @Test func theFileVariableOverridesTheDefaultPath() async throws {
        let home = try TemporaryHome()
        let other = try home.write(Self.basic.replacingOccurrences(of: "FILEAK", with: "OTHRAK"), mode: 0o600,
                                   to: home.path + "/elsewhere.ini")
        try home.write(Self.basic, mode: 0o600)
        let credentials = try await Self.resolve(environment: ["HOME": home.path, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": other])
        #expect(credentials?.accessKey.hasPrefix("OTHRAK") == true)
        let tilde = try await Self.resolve(environment: ["HOME": home.path, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": "~/elsewhere.ini"])
        #expect(tilde?.accessKey.hasPrefix("OTHRAK") == true)
    }

    @Test(arguments: [
        // Comments, blank lines, spaces around '=', other sections before and after.
        ("# a comment\n; another\n[global]\nak = G\nsk = GS\n\n[basic]\n  ak   =   A1  \nsk=S1\n[other]\nak = X\n", "A1", "S1", nil),
        // Windows line endings, upper-case keys, ':' as separator, a project.
        ("[basic]\r\nAK: A2\r\nSK : S2\r\nProject_Id = P2\r\n", "A2", "S2", "P2"),
        // A section name with spaces and capitals; a later key wins.
        ("[ Basic ]\nak = old\nak = A3\nsk = S3\n", "A3", "S3", nil),
    ] as [(String, String, String, String?)])
    func theINIFileIsParsedLikeTheSDKs(text: String, ak: String, sk: String, project: String?) throws {
        let credentials = try #require(try CredentialsFile.basic(in: text, path: "f")?.credentials)
        #expect(credentials.accessKey == ak)
        #expect(credentials.secretKey.reveal() == sk)
        #expect(credentials.projectId == project)
        #expect(credentials.securityToken == nil)
    }

    @Test func aFileWithoutABasicSectionConfiguresNothing() throws {
        #expect(try CredentialsFile.basic(in: "[global]\nak = A\nsk = S\n", path: "f")?.credentials == nil)
        #expect(try CredentialsFile.basic(in: "", path: "f")?.credentials == nil)
    }

    @Test func anIncompleteBasicSectionIsAnErrorThatNamesTheMissingKeyOnly() {
        #expect(throws: CloudError.self) { try CredentialsFile.basic(in: "[basic]\nak = A\n", path: "f")?.credentials }
        do {
            _ = try CredentialsFile.basic(in: "[basic]\nsk = \(Fixture.secretKey)\n", path: "f")?.credentials
            Issue.record("an sk without an ak was accepted")
        } catch {
            #expect("\(error)".contains("no ak"))
            #expect(!"\(error)".contains(Fixture.secretKey))
        }
    }

    @Test func theEnvironmentWinsAndTheFileIsThenNotEvenRead() async throws {
        let home = try TemporaryHome()
        try home.write(Self.basic, mode: 0o644)  // would be refused if it were read
        let credentials = try await Self.resolve(environment: [
            "HOME": home.path, "HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "ENVSK",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN": "ENVTOKEN",
        ])
        #expect(credentials?.accessKey == "ENVAK")
        #expect(credentials?.securityToken?.reveal() == "ENVTOKEN")
        #expect(credentials?.projectId == nil)
    }

    @Test(arguments: [["HUAWEICLOUD_SDK_AK": "A"], ["HUAWEICLOUD_SDK_SK": Fixture.secretKey]])
    func halfAKeyPairInTheEnvironmentIsAnError(environment: [String: String]) async {
        do {
            _ = try await Self.resolve(environment: environment)
            Issue.record("half a key pair was accepted")
        } catch {
            #expect("\(error)".contains("is not"))
            #expect(!"\(error)".contains(Fixture.secretKey))
        }
    }

    @Test func theEnvironmentProjectFillsInAProjectTheFileLacks() async throws {
        let home = try TemporaryHome()
        try home.write("[basic]\nak = A\nsk = S\n", mode: 0o600)
        let credentials = try await Self.resolve(environment: ["HOME": home.path, "HUAWEICLOUD_SDK_PROJECT_ID": "P9"])
        #expect(credentials?.projectId == "P9")
    }

    @Test func aDirectoryIsNotACredentialsFile() async throws {
        let home = try TemporaryHome()
        try FileManager.default.createDirectory(atPath: home.credentialsPath, withIntermediateDirectories: true)
        await #expect(throws: CloudError.self) { try await Self.resolve(environment: ["HOME": home.path]) }
    }
}
