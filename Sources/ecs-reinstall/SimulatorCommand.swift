import ArgumentParser
import CloudSimulator
import Dispatch
import Foundation
import HuaweiCloud

/// `ecs-reinstall simulator`: the fake cloud on 127.0.0.1, for tests, demos and other clients.
struct SimulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator", abstract: "Serve the simulated Huawei Cloud (ECS, IMS, KPS, IAM) on 127.0.0.1.")

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "The access key clients sign with.")
    var ak: String = SimulatorConfiguration().accessKey

    @Option(help: "The secret key clients sign with (a test key, never a real one).")
    var sk: String = SimulatorConfiguration().secretKey.reveal()

    @Option(help: "The project id.")
    var projectId: String = SimulatorConfiguration().projectId

    @Option(help: "The region.")
    var region: String = SimulatorConfiguration().region

    @Option(help: "Seconds a reinstall job takes.")
    var jobSeconds: Int = 12

    @Option(help: "Share of reinstall jobs that fail, 0 to 1.")
    var failureRate: Double = 0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate must be 0…1") }
    }

    func run() throws {
        let simulator = CloudSimulator(configuration: SimulatorConfiguration(
            accessKey: ak, secretKey: Secret(sk), projectId: projectId, region: region,
            jobDuration: .seconds(max(1, jobSeconds)), failureRate: failureRate))
        let url = try runBlocking { try await simulator.start(port: port) }
        // Written unbuffered: whoever started us waits for this line to learn the URL.
        let ready = "ecs-reinstall simulator listening on \(url.absoluteString) (region \(region), project \(projectId))\n"
        FileHandle.standardOutput.write(Data(ready.utf8))
        dispatchMain()
    }
}
