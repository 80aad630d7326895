/// Why a user data file could not be read (missing, unreadable, too large to even load).
package struct UserDataReadError: Error, Sendable, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
