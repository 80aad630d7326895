import Foundation

/// The command to log into a reinstalled server, for copying: `ssh -i ~/.ssh/NAME.pem root@ADDR`
/// (`-p PORT` when not 22, the known_hosts file when it is not the default one) or, for Windows,
/// the address an RDP client takes, `ADDR:3389`.
public struct LoginCommand: Sendable, Equatable {
    public var text: String

    public init(target: LoginTarget, keyFile: String? = nil, knownHostsFile: String? = nil) {
        guard target.kind == .ssh else {
            text = target.endpoint
            return
        }
        var words = ["ssh"]
        if let keyFile { words += ["-i", ShellWord.quoted(keyFile)] }
        if target.port != 22 { words += ["-p", String(target.port)] }
        if let knownHostsFile { words += ["-o", ShellWord.quoted("UserKnownHostsFile=" + Self.sshValue(knownHostsFile))] }
        words.append(ShellWord.quoted("\(target.user)@\(target.address)"))
        text = words.joined(separator: " ")
    }

    /// A path as an ssh option value: ssh splits UserKnownHostsFile on whitespace (it takes a
    /// list), so a path with a space, a quote or a backslash is written in double quotes, with
    /// `"` and `\` escaped, which ssh reads back as one path.
    static func sshValue(_ path: String) -> String {
        guard path.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "\\" || $0 == "'" }) else { return path }
        return "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The private key of key pair `name` as the console downloads it (`NAME.pem`), looked for
    /// in `~/.ssh/` as `NAME.pem`, then `NAME`; shown as `~/.ssh/…`. Nil when there is none.
    public static func keyFile(for name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        for candidate in ["\(name).pem", name] {
            let path = URL(fileURLWithPath: home).appendingPathComponent(".ssh/\(candidate)").path
            if FileManager.default.isReadableFile(atPath: path) { return "~/.ssh/\(candidate)" }
        }
        return nil
    }
}
