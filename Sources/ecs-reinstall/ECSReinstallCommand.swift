import ArgumentParser
import Foundation
import HuaweiCloud

/// `ecs-reinstall`: the TUI by default; `servers`, `reinstall` and `job` for scripts; `simulator`
/// serves the fake cloud.
@main
struct ECSReinstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecs-reinstall",
        abstract: "Reinstall the OS of Huawei Cloud ECS servers, safely, from a terminal.",
        discussion: """
            With credentials (the SDK's HUAWEICLOUD_SDK_AK/SK, its credentials file, a KooCLI profile, \
            or an ECS agency; see README.md) it talks to Huawei Cloud in --region. Without credentials \
            the UI starts a simulated cloud on a loopback port and opens against it (DEMO); the commands \
            for scripts (servers, reinstall, job) exit 3 instead, unless --demo is given. They apply the \
            same checks as the UI. Wrong usage exits with 2.
            """,
        version: ReleaseVersion.current,
        subcommands: [
            InteractiveCommand.self, ServersCommand.self, ReinstallCommand.self, JobCommand.self,
            SimulatorCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self)

    /// ArgumentParser's own entry point, except that wrong usage exits with 2 (the documented code)
    /// instead of EX_USAGE (64), and that logging is set up once, for whichever command runs.
    static func main() async {
        do {
            var command = try parseAsRoot()
            DebugLog.bootstrap(
                enabled: (command as? any ConnectedCommand)?.connection.debug == true,
                environment: ProcessInfo.processInfo.environment)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ScriptExit.usage)
            }
            exit(withError: error)
        }
    }
}
