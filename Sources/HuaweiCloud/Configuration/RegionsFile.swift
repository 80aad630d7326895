import Foundation

/// The official SDK's regions file: `$HUAWEICLOUD_SDK_REGIONS_FILE`, else `~/.huaweicloud/regions.yaml`.
/// Its format is a mapping of service name (any case) to a list of regions, each with an `id` and
/// an `endpoint` or a list of `endpoints`; the first endpoint is the one used (the SDK's others
/// are fall-backs):
///
/// ```yaml
/// ECS:
///   - id: 'cn-north-9'
///     endpoint: 'https://ecs.cn-north-9.myhuaweicloud.com'
/// KPS:
///   - id: cn-north-9
///     endpoints:
///       - 'https://kms.cn-north-9.myhuaweicloud.com'
/// ```
///
/// Only that subset of YAML is read (block mappings and sequences, plain or quoted scalars, comments,
/// `[a, b]` lists); anything else is refused with its line number rather than guessed at, since a
/// misread file would send credentials to the wrong host.
public struct RegionsFile: Sendable, Equatable {
    /// Service name upper-cased → region id → endpoints, in order.
    public var services: [String: [String: [String]]]

    public init(services: [String: [String: [String]]] = [:]) {
        self.services = services
    }

    /// The first endpoint the file gives `service` in `region`.
    public func endpoint(service: String, region: String) -> String? {
        services[service.uppercased()]?[region]?.first
    }

    /// The file the environment names, else the default one; nil when the default one does not
    /// exist. A file named by `HUAWEICLOUD_SDK_REGIONS_FILE` must exist: a typo there is reported,
    /// not silently ignored.
    public static func load(environment: [String: String]) throws(CloudError) -> RegionsFile? {
        let path: String
        let named: Bool
        if let given = environment["HUAWEICLOUD_SDK_REGIONS_FILE"], !given.isEmpty {
            path = given
            named = true
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".huaweicloud/regions.yaml")
            named = false
        } else {
            return nil
        }
        guard FileManager.default.fileExists(atPath: path) else {
            if named {
                throw .configuration("HUAWEICLOUD_SDK_REGIONS_FILE names \(path), which does not exist.")
            }
            return nil
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .configuration("The regions file \(path) could not be read as UTF-8 text.")
        }
        do {
            return try parse(text)
        } catch {
            throw .configuration("The regions file \(path): \(error.description)")
        }
    }

    /// A line the reader does not accept.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> RegionsFile {
        var reader = Reader()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try reader.read(String(raw), line: index + 1)
        }
        try reader.finish()
        return RegionsFile(services: reader.services)
    }
}

/// The line-by-line reader behind `RegionsFile.parse`.
private struct Reader {
    var services: [String: [String: [String]]] = [:]
    private var service: String?
    /// The column of the `-` that opened the current region, and what it holds so far.
    private var regionIndent: Int?
    private var region: (id: String?, endpoint: String?, endpoints: [String], line: Int)?
    /// The column of the region's keys, and whether the last key opened an `endpoints:` list.
    private var keyIndent: Int?
    private var inEndpoints = false

    mutating func read(_ raw: String, line: Int) throws(RegionsFile.ParseError) {
        var text = raw
        if text.hasSuffix("\r") { text.removeLast() }
        text = try Self.withoutComment(text, line: line)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || (line == 1 && trimmed == "---") { return }
        let indentation = text.prefix { $0 == " " || $0 == "\t" }
        guard !indentation.contains("\t") else { throw .init(line: line, reason: "tabs cannot indent YAML; use spaces") }
        let indent = indentation.count

        // A service name starts at the margin; its list may too (`- id: …` under `ECS:`).
        if indent == 0 && !(trimmed.hasPrefix("- ") || trimmed == "-") {
            try closeRegion()
            guard let (key, value) = Self.keyValue(trimmed), !key.isEmpty else {
                throw .init(line: line, reason: "expected a service name followed by ':' (e.g. ECS:)")
            }
            let name = key.uppercased()
            service = name
            if services[name] == nil { services[name] = [:] }
            guard value.isEmpty || value == "[]" else {
                throw .init(line: line, reason: "a service holds a list of regions on the lines below it, not a value")
            }
            return
        }
        guard service != nil else { throw .init(line: line, reason: "indented line outside any service") }

        if trimmed.hasPrefix("- ") || trimmed == "-" {
            let item = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            if inEndpoints, let keyIndent, let regionIndent, indent > regionIndent, indent >= keyIndent {
                region?.endpoints.append(try Self.scalar(item, line: line))
                return
            }
            if let regionIndent, indent != regionIndent {
                throw .init(line: line, reason: "a list item at an unexpected indentation")
            }
            try closeRegion()
            regionIndent = indent
            region = (nil, nil, [], line)
            keyIndent = indent + 1 + (trimmed.dropFirst().prefix { $0 == " " }.count)
            inEndpoints = false
            if !item.isEmpty { try readKey(item, line: line) }
            return
        }

        guard region != nil, let regionIndent, indent > regionIndent else {
            throw .init(line: line, reason: "expected a region ('- id: …') under the service")
        }
        if keyIndent == nil || keyIndent == regionIndent + 1 { keyIndent = indent }
        guard indent == keyIndent else {
            throw .init(line: line, reason: "a key at an unexpected indentation")
        }
        try readKey(trimmed, line: line)
    }

    private mutating func readKey(_ text: String, line: Int) throws(RegionsFile.ParseError) {
        guard let (key, value) = Self.keyValue(text) else {
            throw .init(line: line, reason: "expected 'key: value' (id, endpoint or endpoints)")
        }
        inEndpoints = false
        switch key {
        case "id":
            region?.id = try Self.scalar(value, line: line)
        case "endpoint":
            region?.endpoint = try Self.scalar(value, line: line)
        case "endpoints":
            if value.isEmpty {
                inEndpoints = true
            } else if value.hasPrefix("["), value.hasSuffix("]") {
                let inner = value.dropFirst().dropLast()
                for part in inner.split(separator: ",") {
                    let item = part.trimmingCharacters(in: .whitespaces)
                    if !item.isEmpty { region?.endpoints.append(try Self.scalar(item, line: line)) }
                }
            } else {
                region?.endpoints.append(try Self.scalar(value, line: line))
            }
        default:
            break  // the SDK ignores other keys too
        }
    }

    /// Ends the open region: as the SDK does, one without an id is skipped, and `endpoint` comes
    /// after the `endpoints` list.
    private mutating func closeRegion() throws(RegionsFile.ParseError) {
        defer {
            region = nil
            regionIndent = nil
            keyIndent = nil
            inEndpoints = false
        }
        guard let region, let service, let id = region.id, !id.isEmpty else { return }
        let endpoints = (region.endpoints + [region.endpoint].compactMap { $0 }).filter { !$0.isEmpty }
        guard !endpoints.isEmpty else { return }
        services[service, default: [:]][id] = endpoints
    }

    mutating func finish() throws(RegionsFile.ParseError) {
        try closeRegion()
    }

    /// `key: value` or `key:`; nil without a `:` followed by a space or the end of the line.
    private static func keyValue(_ text: String) -> (String, String)? {
        guard let colon = text.firstRange(of: ": ") ?? (text.hasSuffix(":") ? text.index(before: text.endIndex)..<text.endIndex : nil)
        else { return nil }
        let key = text[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        let unquotedKey = key.count >= 2 && (key.first == "'" || key.first == "\"") && key.last == key.first
            ? String(key.dropFirst().dropLast()) : key
        return (unquotedKey, text[colon.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    /// A plain, 'single' or "double" quoted scalar.
    private static func scalar(_ text: String, line: Int) throws(RegionsFile.ParseError) -> String {
        guard let first = text.first else { return "" }
        if first == "'" || first == "\"" {
            guard text.count >= 2, text.last == first else {
                throw .init(line: line, reason: "a quoted value is not closed on its line")
            }
            let inner = String(text.dropFirst().dropLast())
            if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
            guard !inner.contains("\\") else {
                throw .init(line: line, reason: "escapes in double quotes are not supported; use single quotes")
            }
            return inner
        }
        if let bad = ["{", "[", "&", "*", "!", "|", ">", "%", "@", "`"].first(where: { text.hasPrefix($0) }) {
            throw .init(line: line, reason: "'\(bad)' starts YAML this reader does not support; write the value plainly or quoted")
        }
        return text
    }

    /// The line without a `#` comment (one at the start, or after a space outside quotes).
    private static func withoutComment(_ text: String, line: Int) throws(RegionsFile.ParseError) -> String {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                return String(text[..<index])
            }
            previous = character
        }
        return text
    }
}
