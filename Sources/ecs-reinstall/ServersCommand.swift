import ArgumentParser
import HuaweiCloud

/// `ecs-reinstall servers`: every server of the account, as a table or as JSON.
struct ServersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "servers", abstract: "List the servers (all pages) as a table, or as JSON.",
        discussion: """
            --filter keeps the servers whose name, id, private IP, image name, status or enterprise project \
            contains the text (case-insensitive). --json prints {"count": N, "servers": [{"id", "name", "status", \
            "task_state", "private_ip", "image_id", "image_name", "os_type", "flavor", \
            "availability_zone", "key_name", "locked", "has_system_disk", "enterprise_project_id"}], "demo", \
            "credentials"} (see README.md). Bare metal servers are not listed; --enterprise-project narrows the \
            listing to one enterprise project.

            \(ScriptExit.table)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only servers whose name, id, IP, image, status or enterprise project contains this text.")
    var filter: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let filter = filter
        let json = json
        try runScript(connection) { session in
            var servers: [Server] = []
            // Pages of 100, several at once, as the TUI lists: each answer stays small and quick to
            // read within the read timeout, however large the account.
            for try await page in session.client.allServers() {
                servers += page.servers
            }
            if let filter, !filter.isEmpty {
                servers = servers.filter { Self.matches($0, filter) }
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

    static func matches(_ server: Server, _ text: String) -> Bool {
        [server.name, server.id, server.privateIP ?? "", server.imageName, server.status.rawValue, server.taskState ?? "",
         server.enterpriseProjectName]
            .contains { $0.localizedCaseInsensitiveContains(text) }
    }
}
