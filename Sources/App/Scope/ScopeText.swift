import HuaweiCloud
import Reinstall
import TerminalKit

/// How a scope is named on screen.
enum ScopeText {
    /// The region, or the project's name when it is a subproject (which names its region too).
    static func label(_ scope: ProjectScope) -> String {
        TerminalText.visible(scope.isRegionDefault ? scope.region : scope.projectName)
    }

    /// Where the journal's unfinished jobs of other scopes are, said at start: they are followed
    /// only once `:` switches there. A region is named alone unless it holds another of the
    /// scopes or the one shown (`currentRegion`): then with the start of its project id, as the
    /// header shows it. Nil when there are none.
    static func unfinishedElsewhere(_ entries: [JournalEntry], currentRegion: String) -> String? {
        let waiting = entries.filter { !$0.isFinished }
        guard !waiting.isEmpty else { return nil }
        var scopes: [String] = []
        for entry in waiting where !scopes.contains(entry.scope) { scopes.append(entry.scope) }
        let regions = scopes.map { scope in waiting.first { $0.scope == scope }?.region ?? scope }
        let labels = zip(scopes, regions).map { scope, region in
            guard (regions + [currentRegion]).filter({ $0 == region }).count > 1,
                  let projectId = waiting.first(where: { $0.scope == scope })?.projectId else { return region }
            return "\(region) · project \(projectId.prefix(8))"
        }
        let count = waiting.count == 1 ? "1 unfinished job" : "\(waiting.count) unfinished jobs"
        return "\(count) in \(TerminalText.visible(labels.joined(separator: ", "))): press : to follow "
            + (waiting.count == 1 ? "it." : "them.")
    }

    /// What the flash says after a switch.
    static func switched(to scope: ProjectScope, resumed: Int) -> String {
        let project = scope.isRegionDefault ? "" : " (project \(TerminalText.visible(scope.projectName)))"
        let jobs = resumed > 0 ? "; resumed \(resumed) unfinished job(s) of it from the journal" : ""
        return "Now in \(TerminalText.visible(scope.region))\(project): listing its servers\(jobs)."
    }
}
