import App
import ArgumentParser
import HuaweiCloud

/// `ecs-reinstall servers`: every server of the account, as a table or as JSON.
struct ServersCommand: AsyncParsableCommand, ConnectedCommand {
    static let configuration = CommandConfiguration(
        commandName: "servers", abstract: "List the servers (all pages) as a table, or as JSON.",
        discussion: """
            --filter keeps the servers that show every word of the text (case-insensitive), as the UI's \
            / filter does: in the name, id, status, OS, image, IP addresses, flavour, availability zone or \
            enterprise project. --json prints {"count": N, "servers": [{"id", "name", "status", \
            "task_state", "private_ip", "image_id", "image_name", "os_type", "flavor", \
            "availability_zone", "key_name", "locked", "has_system_disk", "enterprise_project_id"}], "demo", \
            "credentials"} (see README.md). Bare metal servers are not listed; --enterprise-project narrows the \
            listing to one enterprise project.

            \(ScriptExit.table)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only servers showing every word of this text (name, id, status, OS, image, IPs, flavour, AZ, enterprise project).")
    var filter: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let filter = filter
        let json = json
        try await runScript(connection) { session in
            var servers: [Server] = []
            // Pages of 100, several at once, as the TUI lists: each answer stays small and quick to
            // read within the read timeout, however large the account.
            for try await page in session.client.allServers() {
                servers += page.servers
            }
            if let filter, !filter.isEmpty {
                let matcher = ServerFilter(filter)
                servers = servers.filter(matcher.matches)
            }
            if json {
                try Console.json(Stamped(ServerListing(count: servers.count, servers: servers.map(ServerSummary.init)),
                                          SessionStamp(session)))
            } else {
                // The enterprise project only when it tells servers apart.
                let showProject = servers.contains(where: \.isOutsideDefaultEnterpriseProject)
                let rows = servers.map { server in
                    ([server.name, server.id, server.statusText, server.privateIP ?? "-", server.imageName]
                        + (showProject ? [server.enterpriseProjectName] : [])).map(\.shown)
                }
                let headers = ["NAME", "ID", "STATUS", "IP", "IMAGE"] + (showProject ? ["EP"] : [])
                TextTable(headers: headers, rows: rows).render().forEach(Console.out)
            }
            return ScriptExit.done
        }
    }
}
