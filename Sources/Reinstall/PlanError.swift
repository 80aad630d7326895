/// Why a reinstall plan cannot be built; `message` is shown to the user as is.
public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    case windowsWithoutCloudInitNeedsPassword
    case userIdRequiredForKeypair
    case emptyKeypairName
    case emptyPassword

    public var message: String {
        switch self {
        case .windowsWithoutCloudInitNeedsPassword:
            "Windows without Cloud-Init takes a password only: choose a password, or the v2 endpoint if the image has Cloudbase-Init"
        case .userIdRequiredForKeypair:
            "A key pair needs the IAM user ID (userid): it could not be determined; use a password, or set the user ID in the profile"
        case .emptyKeypairName:
            "No key pair chosen: pick one from the list"
        case .emptyPassword:
            "The password is empty: type one that meets every rule"
        }
    }

    public var description: String { message }
}
