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
        guard let ak = environment["HUAWEICLOUD_SDK_AK"], !ak.isEmpty,
              let sk = environment["HUAWEICLOUD_SDK_SK"], !sk.isEmpty
        else { return nil }
        let token = environment["HUAWEICLOUD_SDK_SECURITY_TOKEN"].flatMap { $0.isEmpty ? nil : Secret($0) }
        let project = environment["HUAWEICLOUD_SDK_PROJECT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return Credentials(accessKey: ak, secretKey: Secret(sk), securityToken: token, projectId: project)
    }
}
