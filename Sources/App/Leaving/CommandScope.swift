import Foundation
import HuaweiCloud
import TerminalKit

/// The flags that chose the cloud, as the operator gave them (`--region`, `--profile`,
/// `--endpoint`, `--enterprise-project`): a command printed for them to run later carries them,
/// so it reaches the same cloud and looks in the same place.
package struct CommandScope: Sendable, Equatable {
    package var region: String?
    package var profile: String?
    /// As given, with any user info in it redacted (`Endpoints.redacted`).
    package var endpoint: String?
    package var enterpriseProject: String?
    /// A project the flags alone do not reach (one chosen with `:`, a remembered one): no flag
    /// names it, so the commands are prefixed with `HUAWEICLOUD_SDK_PROJECT_ID=…`.
    package var projectId: String?
    /// The project these flags reach in a command run from the same shell, nil when not known
    /// (the UI opened in a remembered scope, which the commands never read). Any other project
    /// is named by `moving(to:)`.
    package var reachedProjectId: String?

    package init(region: String? = nil, profile: String? = nil, endpoint: String? = nil, enterpriseProject: String? = nil,
                 projectId: String? = nil, reachedProjectId: String? = nil) {
        self.region = region
        self.profile = profile
        self.endpoint = endpoint
        self.enterpriseProject = enterpriseProject
        self.projectId = projectId
        self.reachedProjectId = reachedProjectId
    }

    /// The commands for work in `scope`: these flags when they reach its project; else its region
    /// and its project id before the command. The id is named even for a region's default
    /// project: the credential chain prefers `HUAWEICLOUD_SDK_PROJECT_ID` to any lookup, so one
    /// left set in the shell for another region would otherwise be sent there.
    package func moving(to scope: ProjectScope) -> CommandScope {
        guard scope.projectId != reachedProjectId else { return self }
        var moved = self
        moved.region = scope.region
        moved.projectId = scope.projectId
        return moved
    }

    /// `HUAWEICLOUD_SDK_PROJECT_ID=… ` before a command in a project the flags do not reach, else nothing.
    var environmentPrefix: String {
        projectId.map { "HUAWEICLOUD_SDK_PROJECT_ID=\(Self.quoted($0)) " } ?? ""
    }

    /// ` --region cn-north-4 --profile ops`: the flags given, each with a leading space. The
    /// enterprise project narrows a listing only, so `job` is printed without it.
    func flags(listing: Bool) -> String {
        var pairs = [("--region", region), ("--profile", profile), ("--endpoint", endpoint)]
        if listing { pairs.append(("--enterprise-project", enterpriseProject)) }
        return pairs.compactMap { flag, value in value.map { " \(flag) \(Self.quoted($0))" } }.joined()
    }

    /// A word the shell reads back as it is: bare when it is plain, else in single quotes.
    static func quoted(_ word: String) -> String {
        let visible = TerminalText.visible(word)
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:/@%+=,")
        if !visible.isEmpty, visible.unicodeScalars.allSatisfy(plain.contains) { return visible }
        return "'" + visible.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
