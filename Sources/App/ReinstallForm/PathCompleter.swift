import Foundation
import TerminalKit

/// Tab completion of the user data path. Listing the folder is the effect runner's part
/// (`candidates`); what Tab then does to the field is pure (`PathCompletion`) and done by `reduce`.
enum PathCompleter {
    /// One entry of a folder.
    struct Entry: Sendable, Equatable {
        var name: String
        var isDirectory: Bool
    }

    /// The paths, written as the operator typed the folder part (`~/` stays `~/`), that `typed`
    /// can complete to; folders end with `/`. Hidden entries only when the typed name starts
    /// with a dot. `list` reads a folder (nil when it cannot be read).
    static func candidates(for typed: String, home: String?, list: (String) -> [Entry]?) -> [String] {
        // `~` alone completes to the home folder, as a shell does.
        if typed == "~" { return home == nil ? [] : ["~/"] }
        let folderPart: String
        let namePrefix: String
        if let slash = typed.lastIndex(of: "/") {
            folderPart = String(typed[...slash])
            namePrefix = String(typed[typed.index(after: slash)...])
        } else {
            folderPart = ""
            namePrefix = typed
        }
        let folder = folderPart.isEmpty ? "." : UserDataPath.expand(folderPart, home: home)
        guard let entries = list(folder) else { return [] }
        return entries
            .filter { $0.name.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { folderPart + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }

    /// The entries of `folder` on disk, nil when it cannot be read.
    static func listFolder(_ folder: String) -> [Entry]? {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return nil }
        return names.map { name in
            var isDirectory: ObjCBool = false
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            return Entry(name: name, isDirectory: isDirectory.boolValue)
        }
    }
}

/// What a Tab does to the typed path, given the candidates found for it.
enum PathCompletion: Equatable {
    /// The path grew to what every candidate shares.
    case completed(String)
    /// Nothing more to add: the candidates, to be listed.
    case ambiguous([String])
    /// The path already names one file: Tab moves on, as it does elsewhere.
    case complete
    case noMatch

    init(typed: String, candidates: [String]) {
        guard let first = candidates.first else {
            self = .noMatch
            return
        }
        var shared = first
        for candidate in candidates.dropFirst() {
            shared = String(zip(shared, candidate).prefix { $0 == $1 }.map { $0.0 })
        }
        if shared.count > typed.count, shared.hasPrefix(typed) {
            self = .completed(shared)
        } else if candidates.count == 1 {
            self = .complete
        } else {
            self = .ambiguous(candidates)
        }
    }

    /// The hint line for a few candidates: their last path part, `+N more` for the rest.
    static func listing(_ candidates: [String], limit: Int = 4) -> String {
        let names = candidates.prefix(limit).map { candidate -> String in
            let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
            return TerminalText.visible(name) + (candidate.hasSuffix("/") ? "/" : "")
        }
        let more = candidates.count > limit ? "  +\(candidates.count - limit) more" : ""
        return "\(candidates.count) matches: " + names.joined(separator: "  ") + more
    }
}
