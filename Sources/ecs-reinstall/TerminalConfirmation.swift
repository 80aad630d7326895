import Foundation
import Reinstall
import TerminalKit

/// The confirmation of a reinstall without `--yes`: the operator types the server's name on the
/// terminal. It reads /dev/tty, not stdin, so it also works when stdin carries the password.
///
/// The name is shown as `TerminalText` shows cloud text (a control character as `\xHH`), and that
/// shown form is what is typed back, as in the UI. The server was chosen (by
/// id or exact name) before the question, so a name that merely looks the same cannot redirect it.
enum TerminalConfirmation {
    enum Answer: Equatable { case confirmed, declined, tooLong, noTerminal }

    /// The longest answer read, in bytes: far more than any name (ECS allows 128 characters; a
    /// shown control takes four). A longer line (a paste gone astray) is read to its end, so none
    /// of it is left for the shell, and refused.
    static let maxLength = 2048

    static func ask(serverName: String, serverId: String, question: String) -> Answer {
        // A script (no terminal on stdin or stderr) must say --yes; never prompt behind its back.
        guard isatty(0) == 1 || isatty(2) == 1 else { return .noTerminal }
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return .noTerminal }
        defer { close(fd) }
        let shown = TerminalText.visible(serverName)
        let how = shown == serverName ? "" : " as shown, each control character as \\xHH"
        let prompt = Array((TerminalText.visibleLines(question)
            + "\nType the server's name (\(shown))\(how) or its id to confirm: ").utf8)
        _ = prompt.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let (line, truncated) = LineReader.readWholeLine(fd, keeping: maxLength)
        return judge(String(decoding: line, as: UTF8.self), truncated: truncated, serverName: serverName, serverId: serverId)
    }

    /// The UI's rule (`TypedConfirmation`): the name as shown, which is the same text unless it
    /// holds controls, or the id.
    static func judge(_ typed: String, truncated: Bool, serverName: String, serverId: String) -> Answer {
        if truncated { return .tooLong }
        let accepted = TypedConfirmation.accepts(typed, shownName: TerminalText.visible(serverName), serverId: serverId)
        return accepted ? .confirmed : .declined
    }
}
