/// The optional parts of a reinstall, sent as `metadata` (huawei-ecs-api.md §4).
public struct ReinstallOptions: Sendable, Equatable {
    /// v2 only; with it, the login may be left to the user data.
    public var userData: UserData?
    /// Encrypt the system disk with this KMS key (`__system__encrypted` + `__system__cmkid`).
    public var cmkId: String?
    /// Bring your own licence (`BYOL: "true"`).
    public var byol: Bool

    public init(userData: UserData? = nil, cmkId: String? = nil, byol: Bool = false) {
        self.userData = userData
        self.cmkId = cmkId
        self.byol = byol
    }

    /// The metadata map as the API names it.
    public var metadata: [String: String] {
        var metadata: [String: String] = [:]
        if let userData { metadata["user_data"] = userData.base64 }
        if let cmkId {
            metadata["__system__encrypted"] = "1"
            metadata["__system__cmkid"] = cmkId
        }
        if byol { metadata["BYOL"] = "true" }
        return metadata
    }
}
