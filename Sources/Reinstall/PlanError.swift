/// Why a reinstall plan cannot be built; `message` is shown to the user as is.
public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    case windowsWithoutCloudInitNeedsPassword
    case emptyKeypairName
    case emptyPassword
    case userDataNeedsV2
    case noLogin
    case invalidCMKId

    public var message: String {
        switch self {
        case .windowsWithoutCloudInitNeedsPassword:
            "Windows without Cloud-Init takes a password only: choose a password, or the v2 endpoint if the image has Cloudbase-Init"
        case .emptyKeypairName:
            "No key pair chosen: pick one from the list"
        case .emptyPassword:
            "The password is empty: type one that meets every rule"
        case .userDataNeedsV2:
            "User data needs the v2 endpoint (Cloud-Init): switch the endpoint to v2 or drop the user data"
        case .noLogin:
            "No login given: choose a key pair or a password (only v2 with user data may leave both empty)"
        case .invalidCMKId:
            "The CMK id must be 36 characters in UUID form (8-4-4-4-12 hex digits): copy it from KMS"
        }
    }

    public var description: String { message }
}
