import Foundation

/// An AK/SK pair, optionally temporary (with a security token), and the project when known.
public struct Credentials: Sendable, Equatable {
    public var accessKey: String
    public var secretKey: Secret
    public var securityToken: Secret?
    public var projectId: String?

    public init(accessKey: String, secretKey: Secret, securityToken: Secret? = nil, projectId: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
        self.projectId = projectId
    }

    /// The official SDK's environment variables: `HUAWEICLOUD_SDK_AK`, `_SK`, `_SECURITY_TOKEN`,
    /// `_PROJECT_ID`. Nil when AK or SK is missing.
    public static func fromEnvironment(_ environment: [String: String]) -> Credentials? {
        guard let ak = nonEmpty(environment["HUAWEICLOUD_SDK_AK"]),
              let sk = nonEmpty(environment["HUAWEICLOUD_SDK_SK"])
        else { return nil }
        return Credentials(
            accessKey: ak, secretKey: Secret(sk),
            securityToken: nonEmpty(environment["HUAWEICLOUD_SDK_SECURITY_TOKEN"]).map { Secret($0) },
            projectId: nonEmpty(environment["HUAWEICLOUD_SDK_PROJECT_ID"]))
    }

    /// `fromEnvironment`, refusing half a key pair.
    static func resolveEnvironment(_ environment: [String: String]) throws -> Credentials? {
        if let credentials = fromEnvironment(environment) { return credentials }
        let hasAK = nonEmpty(environment["HUAWEICLOUD_SDK_AK"]) != nil
        let hasSK = nonEmpty(environment["HUAWEICLOUD_SDK_SK"]) != nil
        if hasAK != hasSK {
            let (set, missing) = hasAK ? ("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK") : ("HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_AK")
            throw CloudError.configuration("\(set) is set but \(missing) is not. Set both, or unset \(set).")
        }
        return nil
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
