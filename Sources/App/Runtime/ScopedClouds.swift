import Foundation
import HuaweiCloud
import Reinstall
import Synchronization
import TerminalKit

/// The cloud work of every scope this run has worked in, each with its own client and job poller:
/// a job is read in the region and project it was started in, whatever scope the list shows now.
final class ScopedClouds: Sendable {
    private struct Table {
        var current: CloudEffects
        var byScope: [String: CloudEffects]
    }

    private let table: Mutex<Table>
    private let make: @Sendable (CloudClient, String) -> CloudEffects

    /// - Parameter make: the work of one scope, for its client and journal name.
    init(client: CloudClient, scope: String, make: @escaping @Sendable (CloudClient, String) -> CloudEffects) {
        let first = make(client, scope)
        table = Mutex(Table(current: first, byScope: [scope: first]))
        self.make = make
    }

    /// From now on, new work is done in `scope`: with the client made for it the first time (the
    /// current one's credentials, transport and settings, `CloudClient.scoped(to:)`), kept after.
    func use(_ scope: ProjectScope, journalScope: String) {
        table.withLock { table in
            let cloud = table.byScope[journalScope] ?? make(table.current.client.scoped(to: scope), journalScope)
            table.byScope[journalScope] = cloud
            table.current = cloud
        }
    }

    /// Where `effect` is done: a job's watch in the job's own scope (the journal entry says which;
    /// one not worked in yet gets a client made for it), everything else in the current one.
    /// Throws for a job whose entry names no region and project: no client is known to reach it.
    func cloud(for effect: Effect) throws(CloudError) -> CloudEffects {
        try table.withLock { table throws(CloudError) in
            guard case let .watchJob(entry) = effect else { return table.current }
            if let own = table.byScope[entry.scope] { return own }
            guard let region = entry.region, let projectId = entry.projectId else {
                throw CloudError.configuration(
                    "The job \(TerminalText.visible(entry.jobId)) of \(TerminalText.visible(entry.serverName)) is not followed: its journal entry names no region "
                        + "and project (\(entry.scope)).")
            }
            let own = make(table.current.client.scoped(to: ProjectScope(region: region, projectId: projectId)), entry.scope)
            table.byScope[entry.scope] = own
            return own
        }
    }

    /// Stops every scope's job poller.
    func stopBackground() async {
        let all = table.withLock { Array($0.byScope.values) }
        for cloud in all { await cloud.stopBackground() }
    }
}
