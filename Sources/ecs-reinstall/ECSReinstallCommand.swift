import ArgumentParser
import Foundation

/// `ecs-reinstall`: the TUI by default; `servers`, `reinstall` and `job` for scripts; `simulator`
/// serves the fake cloud.
@main
struct ECSReinstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecs-reinstall",
        abstract: "Reinstall the OS of Huawei Cloud ECS servers, safely, from a terminal.",
        discussion: """
            With HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK set, it talks to Huawei Cloud in --region. \
            Without credentials it starts a simulated cloud on a loopback port and opens the same UI \
            against it (DEMO). The commands for scripts (servers, reinstall, job) apply the same checks \
            as the UI. Wrong usage exits with 2.
            """,
        subcommands: [
            InteractiveCommand.self, ServersCommand.self, ReinstallCommand.self, JobCommand.self,
            SimulatorCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self)

    /// ArgumentParser's own entry point, except that wrong usage exits with 2 (the documented code)
    /// instead of EX_USAGE (64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ScriptExit.usage)
            }
            exit(withError: error)
        }
    }
}
