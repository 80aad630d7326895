import Foundation
import HuaweiCloud

/// The servers in list order, built for 10,000 and more: lookups by id through an index, name
/// search on names lowercased once, and each server's detail JSON encoded once and kept until
/// the server changes. A list page then costs one pass of cheap comparisons plus copying bytes,
/// instead of a `JSONEncoder` run per server per page.
struct ServerStore: Sendable {
    private(set) var all: [Server]
    private var positions: [String: Int]
    private var searchNames: [String]
    private var encoded: [Data?]
    /// Whether details are sent at the real cloud's size (`ServerDetailWire`).
    let realisticDetails: Bool

    init(_ servers: [Server], realisticDetails: Bool = true) {
        self.realisticDetails = realisticDetails
        all = servers
        var positions: [String: Int] = [:]
        positions.reserveCapacity(servers.count)
        for (index, server) in servers.enumerated() where positions[server.id] == nil {
            positions[server.id] = index
        }
        self.positions = positions
        searchNames = servers.map { $0.name.lowercased() }
        encoded = Array(repeating: nil, count: servers.count)
    }

    var count: Int { all.count }

    subscript(id: String) -> Server? {
        positions[id].map { all[$0] }
    }

    func position(of id: String) -> Int? { positions[id] }

    /// Changes one server, and forgets its cached JSON. Returns false when there is no such server.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout Server) -> Void) -> Bool {
        guard let index = positions[id] else { return false }
        change(&all[index])
        searchNames[index] = all[index].name.lowercased()
        encoded[index] = nil
        return true
    }

    /// Positions of the servers whose name matches `name` (ECS's fuzzy match: a case-insensitive
    /// substring in which `.` stands for any one character), whose status is in `statuses`, and
    /// that pass `filter` (tags, enterprise projects).
    func matching(name: String?, statuses: Set<String>?, filter: ServerListFilter = ServerListFilter()) -> [Int] {
        let pattern = name.flatMap { $0.isEmpty ? nil : NamePattern($0) }
        var found: [Int] = []
        found.reserveCapacity(pattern == nil && statuses == nil ? all.count : 64)
        for index in all.indices {
            if let statuses, !statuses.contains(all[index].status.rawValue) { continue }
            if let pattern, !pattern.matches(searchNames[index]) { continue }
            if !filter.admits(all[index]) { continue }
            found.append(index)
        }
        return found
    }

    /// The server's detail JSON (the shape of `ServerDetailWire`), encoded at most once per change.
    mutating func detailJSON(at index: Int) throws -> Data {
        if let data = encoded[index] { return data }
        let data = try WireJSON.encoder.encode(ServerDetailWire(server: all[index], realistic: realisticDetails))
        encoded[index] = data
        return data
    }
}

/// ECS's fuzzy `name` filter, lowercased once per request.
struct NamePattern: Sendable {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private let hasWildcard: Bool

    init(_ pattern: String) {
        text = pattern.lowercased()
        scalars = Array(text.unicodeScalars)
        hasWildcard = text.contains(".")
    }

    /// `candidate` must already be lowercased.
    func matches(_ candidate: String) -> Bool {
        guard hasWildcard else { return candidate.contains(text) }
        let name = Array(candidate.unicodeScalars)
        guard name.count >= scalars.count else { return false }
        for start in 0...(name.count - scalars.count) {
            var index = 0
            while index < scalars.count, scalars[index] == "." || scalars[index] == name[start + index] {
                index += 1
            }
            if index == scalars.count { return true }
        }
        return false
    }
}
