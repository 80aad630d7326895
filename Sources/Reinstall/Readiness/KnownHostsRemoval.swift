import Foundation

/// What running `ssh-keygen -R` did: the TUI runs it on a key press, after asking; the commands
/// only print it.
public struct KnownHostsRemoval: Sendable, Equatable {
    public var succeeded: Bool
    /// In words, with what ssh-keygen said (sanitised): `removed 2 entries for 10.0.0.5 from
    /// ~/.ssh/known_hosts (the old file is kept as known_hosts.old)`.
    public var message: String

    public init(succeeded: Bool, message: String) {
        self.succeeded = succeeded
        self.message = message
    }
}

extension KnownHosts.Findings {
    /// Runs `ssh-keygen -R NAME -f FILE` (the file always named, so the file edited is the one
    /// read), bounded to 10 s; `tool` is ssh-keygen on PATH unless given.
    public func remove(tool: ExternalTool? = ExternalTool.find("ssh-keygen")) async -> KnownHostsRemoval {
        guard let tool else {
            return KnownHostsRemoval(succeeded: false, message: "ssh-keygen is not installed (package openssh-client): "
                + "remove the entries for \(hostName) from \(file) by hand")
        }
        let output: ExternalTool.Output
        do {
            output = try await tool.run(["-R", hostName, "-f", file], timeout: .seconds(10))
        } catch is CancellationError {
            return KnownHostsRemoval(succeeded: false, message: "the removal was cancelled (ssh-keygen was stopped): "
                + "check \(file) before trying again")
        } catch {
            return KnownHostsRemoval(succeeded: false, message: "ssh-keygen could not be started: \(error)")
        }
        let said = ToolText.lines(output.standardError + output.standardOutput)
        guard output.status == 0 else {
            let status = output.status.map { "exited with \($0)" } ?? "was stopped after 10s"
            return KnownHostsRemoval(succeeded: false, message: "ssh-keygen -R \(status): \(said)")
        }
        let count = entries.count
        let removed = count == 1 ? "1 entry" : "\(count) entries"
        return KnownHostsRemoval(succeeded: true, message: "removed \(removed) for \(hostName) from \(file) "
            + "(ssh-keygen keeps the old file as \(URL(fileURLWithPath: file).lastPathComponent).old)")
    }
}

/// A tool's output for a sentence: printable characters only, lines joined with `; `, bounded.
enum ToolText {
    static func lines(_ text: String, limit: Int = 300) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { line in
            String(line.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
        }
        let joined = lines.filter { !$0.isEmpty }.joined(separator: "; ")
        return joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
    }
}
