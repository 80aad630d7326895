import Foundation
import HuaweiCloud
import Testing

/// `ecs-reinstall --version`: the release the source names once, which the User-Agent carries too.
@Suite("Command line: version", .timeLimit(.minutes(1)))
struct CommandLineVersionTests {
    @Test("--version prints the release and exits 0, for the root command only")
    func version() async throws {
        let binary = try AppBinary.locate()
        let result = try await Subprocess.run(binary, ["--version"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == ReleaseVersion.current + "\n", "\(result.stdout)")
        #expect(result.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil)
        #expect(UserAgent.value == "ecs-reinstall/" + ReleaseVersion.current)
    }
}
