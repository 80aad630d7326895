import HuaweiCloud

/// Finds the server a command names: by id, else by exact name. A name two servers share is an
/// error that lists them, so a script never picks one at random.
enum ServerResolver {
    static func resolve(_ text: String, client: CloudClient) async throws -> Server {
        if looksLikeId(text) {
            do {
                let server = try await client.showServer(id: text)
                // Reading by id ignores --enterprise-project; a name would not have found it there.
                guard client.enterpriseProjects.covers(server.enterpriseProjectId) else {
                    throw CommandFailure(
                        "The server \(text.shown) is in enterprise project \(server.enterpriseProjectName.shown), not in the "
                            + "\(client.enterpriseProjects) that --enterprise-project names. Check the id, or drop the option.")
                }
                return server
            } catch let error as CloudError where error.isNotFound {
                // Not an id after all: try it as a name.
            }
        }
        // The API's name filter is a fuzzy match: narrow with it, then compare exactly. If it finds
        // nothing (a name with characters the filter treats specially), look through every server.
        var matches = try await exactMatches(text, client: client, filter: text)
        if matches.isEmpty { matches = try await exactMatches(text, client: client, filter: nil) }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            // Where it was looked for: a user authorised per enterprise project sees only those
            // granted, and bare metal is never listed, so a server can exist and still not be found.
            throw CommandFailure("No server has the id or the name '\(text.shown)' among the servers of "
                + "\(client.enterpriseProjects) (bare metal servers are left out). `ecs-reinstall servers` lists them.")
        default:
            let list = matches.map { "  \($0.id.shown)  \($0.status.rawValue.shown)  \(($0.privateIP ?? "-").shown)" }
                .joined(separator: "\n")
            throw CommandFailure("The name '\(text.shown)' is ambiguous: \(matches.count) servers have it. Name one by id:\n\(list)")
        }
    }

    private static func exactMatches(_ name: String, client: CloudClient, filter: String?) async throws -> [Server] {
        var found: [Server] = []
        // In the client's enterprise projects, bare metal left out, as every listing.
        for try await page in client.allServers(name: filter) {
            found += page.servers.filter { $0.name == name }
        }
        return found
    }

    /// The shape of an ECS server id: a UUID.
    static func looksLikeId(_ text: String) -> Bool {
        text.count == 36 && text.allSatisfy { $0.isHexDigit || $0 == "-" }
    }
}
