import Foundation

/// The user data path as the operator types it: `~` and `~/…` mean the home folder, as in a shell.
enum UserDataPath {
    /// `path` with a leading `~` or `~/` replaced by `home`; any other path as typed (`~user` too:
    /// the form does not look up other users' homes).
    static func expand(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path.hasPrefix("~") else { return path }
        let base = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == "~" { return base }
        guard path.hasPrefix("~/") else { return path }
        return base + path.dropFirst()
    }

    /// The home folder, from `HOME` (empty means none).
    static var home: String? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return home
    }
}
