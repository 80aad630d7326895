import Foundation
import Testing

@testable import HuaweiCloud

/// The SDK's regions file: the subset of YAML it uses, and clear refusals of the rest.
struct RegionsFileTests {
    static let good = """
        # Service names are case-insensitive.
        ECS:
          - id: 'cn-north-9'
            endpoint: 'https://ecs.cn-north-9.myhuaweicloud.com'
          - id: "cn-north-1"   # a comment after a value
            endpoints:
              - 'https://ecs.primary.example'
              - https://ecs.backup.example
        kps:
        - id: cn-north-9
          endpoints: ['https://kms.first.example', 'https://kms.second.example']
        IoTDA:
          - id: 'ap-southwest-1'
            endpoint: 'https://iotda.ap-southwest-1.myhuaweicloud.com'
          - endpoint: 'https://no-id.example'
        IMS: []
        """

    @Test func aFileInTheSDKsFormatIsRead() throws {
        let file = try RegionsFile.parse(Self.good)
        #expect(file.endpoint(service: "ECS", region: "cn-north-9") == "https://ecs.cn-north-9.myhuaweicloud.com")
        #expect(file.services["ECS"]?["cn-north-1"] == ["https://ecs.primary.example", "https://ecs.backup.example"])
        #expect(file.endpoint(service: "KPS", region: "cn-north-9") == "https://kms.first.example")
        #expect(file.endpoint(service: "iotda", region: "ap-southwest-1") != nil)
        #expect(file.services["IOTDA"]?.count == 1, "a region without an id is skipped, as the SDK does")
        #expect(file.services["IMS"] == [:])
        let endpoints = Endpoints(region: "cn-north-9", regionsFile: file)
        #expect(try endpoints.url(for: .kps).absoluteString == "https://kms.first.example")
    }

    @Test(arguments: [
        ("ECS:\n\t- id: x\n", 2, "tabs"),
        ("ECS:\n  - id: x\n    endpoint: 'https://unclosed\n", 3, "not closed"),
        ("ECS: {cn-north-4: x}\n", 1, "list of regions"),
        ("ECS:\n  - id: x\n    endpoint: {url: y}\n", 3, "does not support"),
        ("  - id: x\n", 1, "outside any service"),
        ("ECS:\n  just text\n", 2, "expected a region"),
        ("ECS:\n  - id: x\n      endpoint: y\n", 3, "unexpected indentation"),
        ("just text\n", 1, "service name"),
    ])
    func whatCannotBeReadIsRefusedWithItsLine(text: String, line: Int, reason: String) {
        #expect {
            try RegionsFile.parse(text)
        } throws: { error in
            guard let error = error as? RegionsFile.ParseError else { return false }
            return error.line == line && error.reason.contains(reason)
        }
    }

    @Test func theFileNamedByTheEnvironmentIsReadAndAMissingOneIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("my-regions.yml").path
        try Data(Self.good.utf8).write(to: URL(fileURLWithPath: path))

        let named = try RegionsFile.load(environment: ["HUAWEICLOUD_SDK_REGIONS_FILE": path, "HOME": "/nonexistent"])
        #expect(named?.endpoint(service: "ECS", region: "cn-north-9") != nil)

        #expect {
            try RegionsFile.load(environment: ["HUAWEICLOUD_SDK_REGIONS_FILE": path + ".missing"])
        } throws: { error in
            (error as? CloudError)?.message.contains("HUAWEICLOUD_SDK_REGIONS_FILE") == true
        }
        // The default file may be absent.
        #expect(try RegionsFile.load(environment: ["HOME": folder.path]) == nil)

        // The default file, under HOME, with a line it cannot read: the error names the file and the line.
        let sdkFolder = folder.appendingPathComponent(".huaweicloud")
        try FileManager.default.createDirectory(at: sdkFolder, withIntermediateDirectories: true)
        try Data("ECS:\n\t- id: x\n".utf8).write(to: sdkFolder.appendingPathComponent("regions.yaml"))
        #expect {
            try RegionsFile.load(environment: ["HOME": folder.path])
        } throws: { error in
            let message = (error as? CloudError)?.message ?? ""
            return message.contains("regions.yaml") && message.contains("line 2")
        }
    }
}
