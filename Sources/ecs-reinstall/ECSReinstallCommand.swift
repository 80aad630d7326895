import ArgumentParser

/// `ecs-reinstall`: the TUI by default; `simulator` serves the fake cloud.
@main
struct ECSReinstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecs-reinstall",
        abstract: "Reinstall the OS of Huawei Cloud ECS servers, safely, from a terminal.",
        discussion: """
            With HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK set, it talks to Huawei Cloud in --region. \
            Without credentials it starts a simulated cloud on a loopback port and opens the same UI \
            against it (DEMO).
            """,
        subcommands: [InteractiveCommand.self, SimulatorCommand.self],
        defaultSubcommand: InteractiveCommand.self)
}
