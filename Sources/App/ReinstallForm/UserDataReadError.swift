/// Why a user data file could not be read (missing, unreadable, too large to even load).
public struct UserDataReadError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
