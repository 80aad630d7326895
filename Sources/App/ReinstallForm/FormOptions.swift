import Foundation
import Reinstall
import TerminalKit

/// The optional parts of the form: user data (v2 only), an encrypted system disk, BYOL.
package struct FormOptions: Sendable, Equatable {
    package var userDataPath = TextField(maxLength: InputLimits.userDataPath)
    package var userData: UserDataState = .none
    /// What the last Tab on the path found (several matches, none), until the next key there.
    package var userDataHint: String?
    /// A key was pressed while the file was being read: a failed read then leaves the focus
    /// where the operator is typing (a slow disk must not send their keys into the path).
    package var typedWhileReading = false
    package var encrypted = false
    package var cmkId = TextField(maxLength: InputLimits.cmkId)
    package var byol = false

    package init() {}

    /// The CMK id as typed, without surrounding spaces.
    package var cmkText: String { cmkId.text.trimmingCharacters(in: .whitespaces) }

    package var userDataPathText: String { userDataPath.text.trimmingCharacters(in: .whitespaces) }

    /// Whether a path is typed; stops at the first non-space, since it is asked on every key.
    package var hasUserDataPath: Bool { userDataPath.text.contains { !$0.isWhitespace } }
}

/// The user data file: reading it is an effect, so the form waits for its answer.
package enum UserDataState: Sendable, Equatable {
    case none
    case reading(path: String)
    case loaded(UserData)
    case failed(path: String, String)

    package var loaded: UserData? {
        if case let .loaded(data) = self { return data }
        return nil
    }

    /// The path this state is about, if any.
    package var path: String? {
        switch self {
        case .none: nil
        case let .reading(path), let .failed(path, _): path
        case let .loaded(data): data.path
        }
    }
}
