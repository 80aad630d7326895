import Crypto
import Foundation

/// The entries an OpenSSH `known_hosts` file holds for one host, read as `ssh` reads them: plain
/// host fields (comma lists, `[host]:port`, `*`/`?` wildcards, `!` negation) and hashed ones
/// (`|1|salt|hash`, HMAC-SHA1 of the name keyed with the salt). Comments, blank lines and marker
/// lines (`@cert-authority`, `@revoked`) are not host keys of the host and are skipped, as
/// `ssh-keygen -R` leaves them.
public enum KnownHosts {
    /// One line holding a key for the host.
    public struct Entry: Sendable, Equatable, Codable {
        /// 1 for the file's first line.
        public var line: Int
        public var hashed: Bool
        /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`…
        public var keyType: String

        public init(line: Int, hashed: Bool, keyType: String) {
            self.line = line
            self.hashed = hashed
            self.keyType = keyType
        }

        enum CodingKeys: String, CodingKey {
            case line, hashed
            case keyType = "key_type"
        }
    }

    /// What a file holds for one host name.
    public struct Findings: Sendable, Equatable, Codable {
        public var file: String
        /// The name looked up: the address, or `[address]:port` when the port is not 22.
        public var hostName: String
        public var entries: [Entry]
        /// Whether `file` is `~/.ssh/known_hosts`, which `ssh-keygen -R` edits without `-f`.
        public var isDefaultFile: Bool

        public init(file: String, hostName: String, entries: [Entry], isDefaultFile: Bool) {
            self.file = file
            self.hostName = hostName
            self.entries = entries
            self.isDefaultFile = isDefaultFile
        }

        public var hashedCount: Int { entries.filter(\.hashed).count }

        /// The command that removes them, as a list of arguments.
        public var removalArguments: [String] {
            ["ssh-keygen", "-R", hostName] + (isDefaultFile ? [] : ["-f", file])
        }

        /// The same, for copying into a shell.
        public var removalCommand: String { removalArguments.map(ShellWord.quoted).joined(separator: " ") }

        enum CodingKeys: String, CodingKey {
            case file, entries
            case hostName = "host_name"
            case isDefaultFile = "is_default_file"
        }
    }

    /// `~/.ssh/known_hosts` as ssh and `ssh-keygen -R` find it: under the home folder of the user's
    /// passwd entry, which is what they read (not `$HOME`), so the file read here is the one the
    /// printed `ssh-keygen -R` edits. `$HOME` only when there is no passwd entry.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   passwdHome: String? = KnownHosts.passwdHome()) -> URL {
        let home = passwdHome ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".ssh/known_hosts")
    }

    /// The home folder of this process's user in the passwd database (`getpwuid`), as ssh expands `~`.
    public static func passwdHome() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }

    /// The name ssh looks a host up by: the address for port 22, `[address]:port` otherwise.
    public static func hostName(address: String, port: Int) -> String {
        port == 22 ? address : "[\(address)]:\(port)"
    }

    /// The entries of `file` for `address`:`port`; a file that does not exist holds none.
    public static func read(file: URL, address: String, port: Int,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Findings {
        let name = hostName(address: address, port: port)
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            text = ""
        }
        let isDefault = file.standardizedFileURL.path == defaultFile(environment: environment).standardizedFileURL.path
        return Findings(file: file.path, hostName: name, entries: entries(in: text, hostName: name),
                        isDefaultFile: isDefault)
    }

    /// The entries of a file's text for `hostName` (see `hostName(address:port:)`).
    public static func entries(in text: String, hostName: String) -> [Entry] {
        let name = hostName.lowercased()
        var found: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let hosts = fields.first, !hosts.hasPrefix("#"), !hosts.hasPrefix("@"), fields.count >= 3 else {
                continue
            }
            let hashed = hosts.hasPrefix("|1|")
            let matches = hashed ? hashedField(String(hosts), matches: name) : patternList(String(hosts), matches: name)
            if matches { found.append(Entry(line: index + 1, hashed: hashed, keyType: String(fields[1]))) }
        }
        return found
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, the form `ssh-keygen -H` writes.
    public static func hashedField(name: String, salt: some DataProtocol) -> String {
        let key = SymmetricKey(data: Data(salt))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: key)
        return "|1|\(Data(salt).base64EncodedString())|\(Data(mac).base64EncodedString())"
    }

    static func hashedField(_ field: String, matches name: String) -> Bool {
        let parts = field.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])), salt.count == 20 else { return false }
        return hashedField(name: name, salt: salt) == field
    }

    /// ssh's `match_hostname`: some pattern matches and no negated one does.
    static func patternList(_ list: String, matches name: String) -> Bool {
        var found = false
        for pattern in list.lowercased().split(separator: ",") {
            if pattern.hasPrefix("!") {
                if wildcard(Array(pattern.dropFirst()), Array(name)) { return false }
            } else if wildcard(Array(pattern), Array(name)) {
                found = true
            }
        }
        return found
    }

    /// `*` any run, `?` any one character.
    static func wildcard(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
