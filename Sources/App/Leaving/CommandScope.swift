import Foundation
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
    /// A subproject chosen with `:`: no flag names one, so the commands are prefixed with
    /// `HUAWEICLOUD_SDK_PROJECT_ID=…` (`--region` alone reaches the region's default project).
    package var subproject: String?

    package init(region: String? = nil, profile: String? = nil, endpoint: String? = nil, enterpriseProject: String? = nil,
                 subproject: String? = nil) {
        self.region = region
        self.profile = profile
        self.endpoint = endpoint
        self.enterpriseProject = enterpriseProject
        self.subproject = subproject
    }

    /// `HUAWEICLOUD_SDK_PROJECT_ID=… ` before a command in a subproject, else nothing.
    var environmentPrefix: String {
        subproject.map { "HUAWEICLOUD_SDK_PROJECT_ID=\(Self.quoted($0)) " } ?? ""
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
