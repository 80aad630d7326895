/// One place the credential chain looked at, and what it found there.
public struct PlaceLookedAt: Sendable, Equatable, CustomStringConvertible {
    /// A variable's name, a file's path, a URL.
    public var place: String
    /// Why nothing came from it: "not set", "does not exist", "not an ECS (no answer in 2 s)".
    public var finding: String

    public init(_ place: String, _ finding: String) {
        self.place = place
        self.finding = finding
    }

    public var description: String { "\(place): \(finding)" }
}

/// No source of credentials is configured: every place looked at, and how to configure one.
public struct CredentialsNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    public var places: [PlaceLookedAt]

    public init(places: [PlaceLookedAt]) { self.places = places }

    public var description: String { message }

    public var message: String {
        """
        No credentials found. Looked at, in order:
        \(places.map { "  - \($0)" }.joined(separator: "\n"))
        Configure one of them: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK in the environment; or \
        ~/.huaweicloud/credentials ([basic] with ak and sk, mode 600); or an unencrypted AKSK profile \
        of KooCLI in ~/.hcloud/config.json (mode 600; --profile NAME); or run on an ECS with an agency. \
        Or pass --demo for the simulated cloud.
        """
    }
}
