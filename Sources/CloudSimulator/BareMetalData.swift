import Foundation
import HuaweiCloud

/// Bare metal servers, as ECS lists them beside its own unless `not-tags=__type_baremetal` leaves
/// them out (`SimulatorConfiguration.bareMetalServers`). They are BMS servers: ECS must not reinstall them.
enum BareMetalData {
    static func servers(count: Int) -> [Server] {
        (0..<max(0, count)).map { number in
            let serial = String(format: "%012d", number + 1)
            var server = DemoData.server(
                id: "b0e7a1c3-5d9f-4b2e-8a6c-\(serial)", name: "bms-node-\(String(format: "%02d", number + 1))",
                status: .active, image: DemoData.euler, flavor: "physical.s4.3xlarge", vcpus: 48, ramGB: 384,
                ip: "192.168.9.\(number % 250 + 2)", az: "cn-north-4a", created: "2024-02-01T08:00:00Z")
            server.tags = [Server.bareMetalTag, "team=hpc"]
            return server
        }
    }
}
