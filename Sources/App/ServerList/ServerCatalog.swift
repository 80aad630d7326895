import HuaweiCloud

/// The servers the list knows, and which of them it shows in what order.
///
/// Kept incrementally so that 10,000 servers stay smooth: a page of new servers is sorted on its
/// own and merged in, and a filter keystroke that only adds characters searches the current matches.
package struct ServerCatalog: Sendable, Equatable {
    /// In the order they arrived (the API's).
    package private(set) var servers: [Server] = []
    /// Indexes into `servers`, sorted, then filtered: what the list shows, top to bottom.
    package private(set) var visible: [Int] = []
    package private(set) var sort: ServerSort = .apiOrder
    package private(set) var filter = ServerFilter("")
    /// How many servers are known to be outside the default enterprise project: the list shows
    /// its EP column only when there is something to tell apart.
    package private(set) var outsideDefaultProject = 0
    /// Each column's widest value, for column widths that follow the content.
    package private(set) var columnWidths = ServerColumnWidths()

    private var positions: [String: Int] = [:]
    private var haystacks: [[UInt8]] = []
    /// Each server's key for the current sort (empty for the API's order).
    private var sortKeys: [String] = []
    /// Indexes into `servers` in sort order, before the filter.
    private var sorted: [Int] = []

    package init() {}

    package var count: Int { servers.count }
    package var isEmpty: Bool { servers.isEmpty }
    package var spansEnterpriseProjects: Bool { outsideDefaultProject > 0 }

    package func index(of id: String) -> Int? { positions[id] }

    package func server(id: String) -> Server? { positions[id].map { servers[$0] } }

    /// The server shown at a row of the list.
    package func visibleServer(at row: Int) -> Server { servers[visible[row]] }

    /// Adds new servers and replaces known ones (same id).
    mutating func upsert(_ page: [Server], context: ServerRowContext) {
        var added: [Int] = []
        var changedOrder = false
        var changedMatch = false
        for server in page {
            if let index = positions[server.id] {
                guard servers[index] != server else { continue }
                if servers[index].isOutsideDefaultEnterpriseProject { outsideDefaultProject -= 1 }
                if server.isOutsideDefaultEnterpriseProject { outsideDefaultProject += 1 }
                servers[index] = server
                columnWidths.include(server)
                let haystack = ServerFilter.haystack(server)
                if haystack != haystacks[index] {
                    haystacks[index] = haystack
                    changedMatch = true
                }
                if let column = sort.column {
                    let key = column.sortKey(server, context)
                    if key != sortKeys[index] {
                        sortKeys[index] = key
                        changedOrder = true
                    }
                }
            } else {
                let index = servers.count
                positions[server.id] = index
                servers.append(server)
                columnWidths.include(server)
                if server.isOutsideDefaultEnterpriseProject { outsideDefaultProject += 1 }
                haystacks.append(ServerFilter.haystack(server))
                sortKeys.append(sort.column.map { $0.sortKey(server, context) } ?? "")
                added.append(index)
            }
        }
        if changedOrder {
            resort()
            return
        }
        if !added.isEmpty {
            let newInOrder = added.sorted(by: precedes)
            sorted = merge(sorted, newInOrder)
            if !changedMatch {
                visible = merge(visible, newInOrder.filter { filter.matches(haystacks[$0]) })
                return
            }
        }
        if changedMatch { refilter(from: sorted) }
    }

    /// Forgets the servers with these ids (gone from the account). The arrays are compacted in
    /// place: no filter text or sort key is recomputed and nothing is re-sorted.
    mutating func remove(_ ids: Set<String>) {
        let doomed = Set(ids.compactMap { positions[$0] })
        guard !doomed.isEmpty else { return }
        // Old index → new index, for the indexes that stay.
        var renumbered = [Int](repeating: -1, count: servers.count)
        var next = 0
        for index in servers.indices where !doomed.contains(index) {
            renumbered[index] = next
            next += 1
        }
        servers = servers.indices.filter { !doomed.contains($0) }.map { servers[$0] }
        haystacks = haystacks.indices.filter { !doomed.contains($0) }.map { haystacks[$0] }
        sortKeys = sortKeys.indices.filter { !doomed.contains($0) }.map { sortKeys[$0] }
        positions = Dictionary(uniqueKeysWithValues: servers.enumerated().map { ($1.id, $0) })
        outsideDefaultProject = servers.count(where: \.isOutsideDefaultEnterpriseProject)
        columnWidths = .of(servers)
        sorted = sorted.compactMap { renumbered[$0] >= 0 ? renumbered[$0] : nil }
        visible = visible.compactMap { renumbered[$0] >= 0 ? renumbered[$0] : nil }
    }

    mutating func setSort(_ newSort: ServerSort, context: ServerRowContext) {
        sort = newSort
        sortKeys = newSort.column.map { column in servers.map { column.sortKey($0, context) } }
            ?? Array(repeating: "", count: servers.count)
        resort()
    }

    /// Re-reads the sort keys that come from outside the servers (a job's state, an image's
    /// Cloud-Init evidence) for the servers `affected` names, when sorting by that column; the
    /// list is re-sorted only if a key changed.
    mutating func contextChanged(_ column: ServerColumn, _ context: ServerRowContext, affected: (Server) -> Bool) {
        guard sort.column == column else { return }
        var changed = false
        for index in servers.indices where affected(servers[index]) {
            let key = column.sortKey(servers[index], context)
            if key != sortKeys[index] {
                sortKeys[index] = key
                changed = true
            }
        }
        if changed { resort() }
    }

    mutating func setFilter(_ text: String) {
        let newFilter = ServerFilter(text)
        guard newFilter != filter else { return }
        let narrowing = newFilter.narrows(filter)
        filter = newFilter
        refilter(from: narrowing ? visible : sorted)
    }

    private mutating func resort() {
        sorted = Array(servers.indices).sorted(by: precedes)
        refilter(from: sorted)
    }

    private mutating func refilter(from candidates: [Int]) {
        visible = filter.isEmpty ? candidates : candidates.filter { filter.matches(haystacks[$0]) }
    }

    /// Sort order; equal keys keep the API's order, whichever the direction.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        guard sort.column != nil else { return sort.descending ? a > b : a < b }
        guard sortKeys[a] != sortKeys[b] else { return a < b }
        return sort.descending ? sortKeys[a] > sortKeys[b] : sortKeys[a] < sortKeys[b]
    }

    private func merge(_ left: [Int], _ right: [Int]) -> [Int] {
        guard !right.isEmpty else { return left }
        guard !left.isEmpty else { return right }
        var result: [Int] = []
        result.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if precedes(right[j], left[i]) {
                result.append(right[j]); j += 1
            } else {
                result.append(left[i]); i += 1
            }
        }
        result += left[i...]
        result += right[j...]
        return result
    }
}
