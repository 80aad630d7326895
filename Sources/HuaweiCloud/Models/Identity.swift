import Foundation

/// `GET /v3/projects?name={region}` and `GET /v3/auth/projects` → `{"projects":[{"id","name","enabled",…}]}`.
public struct ProjectList: Codable, Sendable, Equatable {
    public struct Project: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// False for a project that is switched off; absent in older answers, which means on.
        public var enabled: Bool?
        public init(id: String, name: String, enabled: Bool? = nil) {
            self.id = id
            self.name = name
            self.enabled = enabled
        }
    }
    public var projects: [Project]
    public init(projects: [Project]) { self.projects = projects }
}

/// `GET /v3.0/OS-CREDENTIAL/credentials/{AK}` → `{"credential":{"user_id","access","status",…}}`.
public struct CredentialInfo: Codable, Sendable, Equatable {
    public struct Credential: Codable, Sendable, Equatable {
        public var userId: String
        public var access: String
        public var status: String?
        public init(userId: String, access: String, status: String?) {
            self.userId = userId
            self.access = access
            self.status = status
        }
        enum CodingKeys: String, CodingKey {
            case access, status
            case userId = "user_id"
        }
    }
    public var credential: Credential
    public init(credential: Credential) { self.credential = credential }
}
