import ArgumentParser
import HuaweiCloud

/// `ecs-reinstall servers`: every server of the account, as a table or as JSON.
struct ServersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "servers", abstract: "List the servers (all pages) as a table, or as JSON.",
        discussion: """
            --filter keeps the servers whose name, id, private IP, image name or status contains the \
            text (case-insensitive). --json prints {"count": N, "servers": [{"id", "name", "status", \
            "task_state", "private_ip", "image_id", "image_name", "os_type", "flavor", \
            "availability_zone", "key_name", "locked", "has_system_disk"}], "demo", "credentials"} (see \
            README.md).

            \(ScriptExit.table)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only servers whose name, id, IP, image or status contains this text.")
    var filter: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let filter = filter
        let json = json
        try runScript(connection) { session in
            var servers: [Server] = []
            for try await page in session.client.allServers(pageSize: CloudClient.maximumPageSize) {
                servers += page.servers
            }
            if let filter, !filter.isEmpty {
                servers = servers.filter { Self.matches($0, filter) }
            }
            if json {
                try Console.json(Stamped(ServerListing(count: servers.count, servers: servers.map(ServerSummary.init)),
                                          SessionStamp(session)))
            } else {
                let rows = servers.map { server in
                    [server.name, server.id, server.statusText,
                     server.privateIP ?? "-", server.imageName].map(\.shown)
                }
                TextTable(headers: ["NAME", "ID", "STATUS", "IP", "IMAGE"], rows: rows).render().forEach(Console.out)
            }
            return ScriptExit.done
        }
    }

    static func matches(_ server: Server, _ text: String) -> Bool {
        [server.name, server.id, server.privateIP ?? "", server.imageName, server.status.rawValue, server.taskState ?? ""]
            .contains { $0.localizedCaseInsensitiveContains(text) }
    }
}
