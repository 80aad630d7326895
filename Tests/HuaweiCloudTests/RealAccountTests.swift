import Foundation
import Testing

@testable import HuaweiCloud

/// What real accounts need of the client: enterprise projects named on every listing, bare metal
/// left out, timeouts an operator can set (but not so short a reinstall looks lost), and decoding
/// that takes a server's details at their real size.
struct RealAccountTests {
    private func query(_ request: SignedRequest) -> [String: String] {
        let items = URLComponents(url: request.sentURL, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func everyListingNamesTheEnterpriseProjectsAndLeavesBareMetalOut() async throws {
        let transport = ServerListingTests.account(total: 250)
        var client = Fixture.client(transport)
        for try await _ in client.allServers() {}
        #expect(transport.requests.count == 3, "pages of \(CloudClient.listingPageSize)")
        for request in transport.requests {
            #expect(query(request)["enterprise_project_id"] == "all_granted_eps")
            #expect(query(request)["not-tags"] == "__type_baremetal")
            #expect(query(request)["limit"] == "100")
        }
        client.enterpriseProjects = .only("8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02")
        _ = try await client.listServers(page: 1, name: "web")
        let narrowed = try #require(transport.requests.last)
        #expect(query(narrowed)["enterprise_project_id"] == "8d4f2a6c-1e3b-4c5d-8e7f-9a0b1c2d3e02")
        #expect(query(narrowed)["name"] == "web")
    }

    @Test func aRefusedListingSaysWhichEnterpriseProjectsItAskedFor() async throws {
        let transport = RoutedTransport { _ in
            .json(403, #"{"error":{"code":"Ecs.0110","message":"Policy doesn't allow ecs:cloudServers:list to be performed."}}"#)
        }
        var configured = Fixture.client(transport)
        configured.enterpriseProjects = .only("ep-1")
        let client = configured
        let error = await #expect(throws: CloudError.self) { try await client.listServers(page: 1) }
        #expect(error?.code == "Ecs.0110")
        #expect(error?.message.contains("(listing the servers of enterprise project ep-1)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("ecs:cloudServers:list in each enterprise project") == true)
    }

    @Test(arguments: [(nil, EnterpriseProjectScope.allGranted), ("all_granted_eps", .allGranted), (" ", .allGranted),
                      ("0", .only("0")), ("5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01", .only("5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"))])
    func enterpriseProjectOptions(text: String?, scope: EnterpriseProjectScope) throws {
        #expect(try EnterpriseProjectScope(option: text) == scope)
    }

    @Test(arguments: ["ep 1", "a&b=c", String(repeating: "a", count: 65)])
    func enterpriseProjectOptionsThatCannotBeSent(text: String) {
        #expect(throws: CloudError.self) { try EnterpriseProjectScope(option: text) }
    }

    @Test func timeoutsCanBeSetWithinBounds() throws {
        let standard = HTTPClientTransport.Timeouts.standard
        #expect(standard == .init(connect: .seconds(10), read: .seconds(30), write: .seconds(90)))
        let set = try standard.setting(.connect, seconds: 2.5).setting(.read, seconds: 120).setting(.write, seconds: 60)
            .setting(.write, seconds: nil)
        #expect(set == .init(connect: .milliseconds(2500), read: .seconds(120), write: .seconds(60)))
        for (kind, seconds) in [(HTTPClientTransport.Timeouts.Kind.connect, 0.0), (.read, -1), (.read, .nan), (.connect, 3601)] {
            #expect(throws: CloudError.self) { try standard.setting(kind, seconds: seconds) }
        }
    }

    @Test func aWriteTimeoutBelowSixtySecondsIsRefusedWithWhy() {
        do {
            _ = try HTTPClientTransport.Timeouts.standard.setting(.write, seconds: 59.9)
            Issue.record("a 59.9 s write timeout was accepted")
        } catch {
            #expect(error.message.contains("60 to 3600 seconds"), "\(error.message)")
            #expect(error.message.contains("lost"), "\(error.message)")
        }
    }

    @Test func aServerDetailAtItsRealSizeDecodes() throws {
        let server = try JSONDecoder().decode(Server.self, from: Data(Self.realisticDetail.utf8))
        #expect(server.id == "9f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507")
        #expect(server.status == .error)
        #expect(server.taskState == nil)
        #expect(server.enterpriseProjectId == "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01")
        #expect(server.enterpriseProjectName == "5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01")
        #expect(server.tags == ["env=prod", "team=web"])
        #expect(!server.isBareMetal)
        #expect(server.flavor == .init(id: "c7.xlarge.2", name: "c7.xlarge.2", vcpus: "4", ram: "8192"))
        #expect(server.privateIP == "192.168.0.41")
        #expect(server.addresses.values.flatMap { $0 }.count == 2)
        #expect(server.hasSystemDisk)
        #expect(server.locked)
        #expect(server.keyName == "deploy-rsa")
        #expect(server.imageName == "Debian 12.0.0 64bit")
        #expect(server.metadata["cascaded.instance_extrainfo"]?.hasPrefix("pcibridge") == true)

        // Without the field, the system tag names the enterprise project; `0` shows as `default`.
        let older = try JSONDecoder().decode(Server.self, from: Data(
            #"{"id":"s1","sys_tags":[{"key":"_sys_enterprise_project_id","value":"0"}],"tags":[1,2]}"#.utf8))
        #expect(older.enterpriseProjectId == "0" && older.enterpriseProjectName == "default")
        #expect(older.tags.isEmpty, "tags of an unexpected shape are ignored")
    }

    /// A server as the reference's `ServerDetail` has it, every field filled.
    static let realisticDetail = #"""
    {"id":"9f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","name":"build-runner","description":"CI runner",
     "status":"ERROR","OS-EXT-STS:task_state":"","OS-EXT-STS:vm_state":"error","OS-EXT-STS:power_state":4,
     "progress":0,"hostId":"c7b0e59ab5c8b6ad5e2e0d0ed44e0ff6ac0b7b2e2d0c4dd54b2ebc1a","host_status":"UP",
     "image":{"id":"2f4e6a8c-1b3d-4f5a-8e7c-9d0b2a4c6e02"},
     "flavor":{"id":"c7.xlarge.2","name":"c7.xlarge.2","vcpus":"4","ram":"8192","disk":"0","gpus":[],"asic_accelerators":[]},
     "metadata":{"os_type":"Linux","os_bit":"64","image_name":"Debian 12.0.0 64bit","charging_mode":"0",
       "metering.image_id":"2f4e6a8c-1b3d-4f5a-8e7c-9d0b2a4c6e02","metering.imagetype":"gold",
       "metering.resourcespeccode":"c7.xlarge.2.linux","metering.resourcetype":"1","vpc_id":"4c6a1f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b",
       "EcmResStatus":"","__support_agent_list":"hss,ces","virtual_env_type":"FusionCompute","lockScene":"",
       "cascaded.instance_extrainfo":"pcibridge:2,system_serial_number:7f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507,max_cpu:254"},
     "addresses":{"4c6a1f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b":[
       {"version":"4","addr":"192.168.0.41","OS-EXT-IPS:type":"fixed","OS-EXT-IPS-MAC:mac_addr":"fa:16:3e:9f:1b:3d",
        "OS-EXT-IPS:port_id":"2f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","primary":true},
       {"version":"4","addr":"121.36.1.9","OS-EXT-IPS:type":"floating","OS-EXT-IPS-MAC:mac_addr":"fa:16:3e:9f:1b:3d",
        "OS-EXT-IPS:port_id":"2f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","primary":false}]},
     "os-extended-volumes:volumes_attached":[
       {"id":"d01b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","bootIndex":"0","device":"/dev/vda","delete_on_termination":"true"},
       {"id":"d11b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","bootIndex":"1","device":"/dev/vdb","delete_on_termination":"false"}],
     "key_name":"deploy-rsa","locked":true,"tags":["env=prod","team=web"],
     "sys_tags":[{"key":"_sys_enterprise_project_id","value":"5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01"}],
     "enterprise_project_id":"5b2e1c7a-3f4d-4e8b-9a1c-2d3e4f5a6b01","OS-EXT-AZ:availability_zone":"cn-north-4b",
     "created":"2024-05-19T15:03:38Z","updated":"2024-05-20T01:00:00Z","user_id":"7e25b1da389f4697a79df3a0e5bd494e",
     "tenant_id":"0a1b2c3d4e5f40718293a4b5c6d7e8f9","accessIPv4":"","accessIPv6":"","config_drive":"",
     "OS-DCF:diskConfig":"MANUAL","OS-SRV-USG:launched_at":"2024-05-19 15:04:01.000000","OS-SRV-USG:terminated_at":"",
     "auto_terminate_time":"","OS-EXT-SRV-ATTR:root_device_name":"/dev/vda","OS-EXT-SRV-ATTR:host":"pod01.cn-north-4b",
     "OS-EXT-SRV-ATTR:hypervisor_hostname":"nova9f1-b3d5@a7","OS-EXT-SRV-ATTR:instance_name":"instance-0009f1b3",
     "OS-EXT-SRV-ATTR:hostname":"build-runner","OS-EXT-SRV-ATTR:reservation_id":"r-e1f3b507",
     "OS-EXT-SRV-ATTR:launch_index":0,"OS-EXT-SRV-ATTR:kernel_id":"","OS-EXT-SRV-ATTR:ramdisk_id":"",
     "OS-EXT-SRV-ATTR:user_data":"","security_groups":[{"id":"5f1b3d5a-7c9e-4f1b-b3d5-a7c9e1f3b507","name":"default"}],
     "os:scheduler_hints":{"group":[],"tenancy":["shared"],"dedicated_host_id":[]},
     "cpu_options":{"hw:cpu_threads":2},"hypervisor":{"hypervisor_type":"kvm","csd_hypervisor":null},
     "fault":{"code":500,"created":"2024-05-20T01:00:00Z","message":"Build of instance failed","details":"VolumeAttachFailed"}}
    """#
}
