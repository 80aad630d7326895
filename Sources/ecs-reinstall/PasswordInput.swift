import Foundation
import HuaweiCloud

/// Reads the password for `--password-stdin`: one line from stdin, without its line break. It is
/// never taken from argv or the environment, where other users (`ps`, /proc) could read it.
enum PasswordInput {
    static func readLine(from fd: Int32 = 0) throws(CommandFailure) -> Secret {
        // Typed at a terminal rather than piped: prompt on stderr and do not echo it.
        let echoOff = isatty(fd) == 1 && TerminalEcho.disable(fd)
        if echoOff { FileHandle.standardError.write(Data("Password: ".utf8)) }
        defer {
            if echoOff {
                TerminalEcho.restore()
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        // Read straight into the one buffer that holds it until the command ends (never a String).
        let secret = LineReader.readSecretLine(fd)
        guard !secret.isEmpty else {
            throw CommandFailure("--password-stdin: no password on stdin (give it as one line, e.g. from a secret store).")
        }
        return secret
    }
}

/// Turns a terminal's echo off while a password is typed, and back on afterwards, also when the
/// operator presses Ctrl-C (a terminal left without echo looks broken).
private enum TerminalEcho {
    // Written once by the command before the handler is installed, read by the handler and
    // `restore`, all before the command starts any other work: no concurrent access.
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var savedFd: Int32 = -1

    static func disable(_ fd: Int32) -> Bool {
        guard tcgetattr(fd, &saved) == 0 else { return false }
        savedFd = fd
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        signal(SIGINT) { signal in
            _ = tcsetattr(TerminalEcho.savedFd, TCSANOW, &TerminalEcho.saved)
            _exit(128 + signal)
        }
        return tcsetattr(fd, TCSANOW, &quiet) == 0
    }

    static func restore() {
        _ = tcsetattr(savedFd, TCSANOW, &saved)
        signal(SIGINT, SIG_DFL)
    }
}
