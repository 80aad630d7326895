import HuaweiCloud
import Reinstall
import TerminalKit

/// How a scope is named on screen.
enum ScopeText {
    /// The region, or the project's name when it is a subproject (which names its region too).
    static func label(_ scope: ProjectScope) -> String {
        TerminalText.visible(scope.isRegionDefault ? scope.region : scope.projectName)
    }

    /// What the flash says after a switch.
    static func switched(to scope: ProjectScope, resumed: Int) -> String {
        let project = scope.isRegionDefault ? "" : " (project \(TerminalText.visible(scope.projectName)))"
        let jobs = resumed > 0 ? "; resumed \(resumed) unfinished job(s) of it from the journal" : ""
        return "Now in \(TerminalText.visible(scope.region))\(project): listing its servers\(jobs)."
    }
}
