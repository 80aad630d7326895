import Foundation

/// The one rule of the typed confirmation, for the form's review and for `reinstall` without
/// `--yes`: the server's name as the screen shows it (`shownName`: a control character as
/// `\xHH`), or its id, for names the keyboard at hand cannot type (CJK without an input method,
/// emoji). Spaces around what was typed do not count, unless the name itself has them.
public enum TypedConfirmation {
    public static func accepts(_ typed: String, shownName: String, serverId: String) -> Bool {
        if typed == shownName { return true }
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        return trimmed == shownName.trimmingCharacters(in: .whitespaces) || trimmed == serverId
    }
}
