import Foundation

/// The confirmation of a reinstall without `--yes`: the operator types the server's name on the
/// terminal. It reads /dev/tty, not stdin, so it also works when stdin carries the password.
enum TerminalConfirmation {
    enum Answer { case confirmed, declined, noTerminal }

    static func ask(serverName: String, question: String) -> Answer {
        // A script (no terminal on stdin or stderr) must say --yes; never prompt behind its back.
        guard isatty(0) == 1 || isatty(2) == 1 else { return .noTerminal }
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return .noTerminal }
        defer { close(fd) }
        let prompt = Array("\(question)\nType the server's name (\(serverName)) to confirm: ".utf8)
        _ = prompt.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return String(decoding: LineReader.readLine(fd), as: UTF8.self) == serverName ? .confirmed : .declined
    }
}
