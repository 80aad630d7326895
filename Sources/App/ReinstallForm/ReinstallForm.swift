import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The reinstall form of one server: what the operator chose and typed. The password lives in the
/// two secure fields' buffers only while the form is open; `wipe()` zeroes them when it closes.
/// A copy of the form shares those buffers (the draft and the plan under review do too).
package struct ReinstallForm: Sendable, Equatable {
    package enum Field: Sendable, Equatable, CaseIterable {
        case endpoint, login, keypair, password, confirmation, stopServer, userData, encrypt, cmkId, byol, submit
    }

    package enum LoginKind: Sendable, Equatable {
        case keypair, password
        /// Chosen explicitly, v2 only: neither a key pair nor a password is sent, the user data
        /// must create a login. Typing a user data path never chooses it.
        case userData
    }

    /// Editing the fields, then reviewing exactly what will be sent and typing the name.
    package enum Stage: Sendable, Equatable {
        case edit
        case review(ReinstallPlan)
    }

    package var server: Server
    package var stage: Stage = .edit
    package var focus: Field = .login
    package var login: LoginKind
    package var keypair = KeypairPicker()
    package var password = SecureTextField(masked: true, maxLength: InputLimits.password)
    package var confirmation = SecureTextField(masked: true, maxLength: InputLimits.password)
    package var withStopServer: Bool
    package var options = FormOptions()
    /// The server's name as typed on the review step; Enter submits only on an exact match.
    package var confirmName: TextField
    /// The first request body line in view on the review step (↑↓, PgUp/PgDn).
    package var reviewScroll = 0
    package var submitting = false
    package var error: String?
    /// A pre-flight warning shown at the top (a server in ERROR).
    package var warning: String?

    package init(server: Server, warning: String? = nil) {
        self.server = server
        self.warning = warning
        login = server.isWindows ? .password : .keypair
        // The server's own key is the default: another one is a choice, and the review says so.
        keypair.chosenName = server.keyName
        withStopServer = server.isRunning
        confirmName = Self.emptyConfirmation(server)
    }

    /// The server's name as the screen shows it (`\xHH` for a control character): what the
    /// operator sees is what they type to confirm.
    package var shownName: String { TerminalText.visible(server.name) }

    /// Whether the typed confirmation is the server's name as shown, or its id (`TypedConfirmation`).
    package var confirmationMatches: Bool {
        TypedConfirmation.accepts(confirmName.text, shownName: shownName, serverId: server.id)
    }

    static func emptyConfirmation(_ server: Server) -> TextField {
        TextField(maxLength: InputLimits.confirmation(for: TerminalText.visible(server.name)))
    }

    /// Shows or hides both password fields' text (masked by default).
    package var revealed: Bool { !password.masked }

    package mutating func toggleReveal() {
        password.masked.toggle()
        confirmation.masked = password.masked
    }

    /// Zeroes the password's buffers (the plan under review shares the first, so it is wiped too).
    package mutating func wipe() {
        password.clear()
        confirmation.clear()
        wipeReview()
    }

    /// Leaves the review step, dropping the plan. Its password is the field's own buffer, not a
    /// copy, so nothing is left to wipe and the field keeps its value.
    package mutating func wipeReview() {
        stage = .edit
        confirmName = Self.emptyConfirmation(server)
        reviewScroll = 0
    }

    package var isReviewing: Bool {
        if case .review = stage { return true }
        return false
    }
}
