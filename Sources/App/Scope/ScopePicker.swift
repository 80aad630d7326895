import HuaweiCloud
import TerminalKit

/// `:`: the regions and projects the account may reach, narrowed by what is typed, one of them
/// highlighted. The choices are listed in the order offered: the previous scope first.
package struct ScopePicker: Sendable, Equatable {
    package var filter = TextField(maxLength: InputLimits.scopeFilter)
    /// The choices, in the order offered; `.loading` while the first list of this run is asked for.
    package var choices: Lookup<[ProjectScope]> = .loading
    /// The last listing failed although earlier choices are shown: why.
    package var reloadError: String?
    /// The highlighted choice, kept by project id so that a list arriving or a filter typed does
    /// not move it to another scope.
    package var highlightedId: String?

    package init() {}

    /// The choices every typed word occurs in (region or project name, case-insensitive); those
    /// where each word starts a part of the name first (`east` finds cn-east-3 before ap-southeast-1).
    package func matching() -> [ProjectScope] {
        let all = choices.value ?? []
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return all }
        let text = { (scope: ProjectScope) in " " + (scope.region + " " + scope.projectName).lowercased() }
        let found = all.filter { scope in words.allSatisfy { text(scope).contains($0) } }
        let startsParts = { (scope: ProjectScope) in
            let name = text(scope)
            return words.allSatisfy { word in [" ", "-", "_"].contains { name.contains($0 + word) } }
        }
        return found.filter(startsParts) + found.filter { !startsParts($0) }
    }

    /// The highlighted choice if it still matches, else the first match.
    package var highlighted: ProjectScope? {
        let shown = matching()
        return shown.first { $0.projectId == highlightedId } ?? shown.first
    }

    /// Moves the highlight by `step` within the matches, stopping at the ends.
    package mutating func move(_ step: Int) {
        let shown = matching()
        guard !shown.isEmpty else { return }
        let current = shown.firstIndex { $0.projectId == highlighted?.projectId } ?? 0
        highlightedId = shown[min(max(current + step, 0), shown.count - 1)].projectId
    }

    /// The order offered: `previous` first (the scope the operator most likely goes back to), then
    /// the rest as the cloud's list is sorted (by region, each region's default project first).
    static func ordered(_ scopes: [ProjectScope], previous: ProjectScope?) -> [ProjectScope] {
        guard let previous, let found = scopes.first(where: { $0.projectId == previous.projectId }) else { return scopes }
        return [found] + scopes.filter { $0.projectId != previous.projectId }
    }
}
