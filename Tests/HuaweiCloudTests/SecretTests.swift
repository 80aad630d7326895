import Foundation
import HuaweiCloud
import SecretStorage
import Testing

/// The one buffer a secret lives in: zeroed on wipe, on deinit and when it grows; shared, never
/// duplicated, by whoever holds it.
@Suite struct SecretTests {
    @Test func wipeZeroesEveryByteOfTheBuffer() {
        let secret = Secret("Gx7!kPq2vZ")
        #expect(secret.rawStorage().contains { $0 != 0 })
        secret.wipe()
        #expect(secret.isEmpty)
        #expect(secret.rawStorage().allSatisfy { $0 == 0 })
    }

    @Test func deinitZeroesTheBuffer() {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
        storage.initialize(repeating: 0)
        defer { storage.deallocate() }
        do {
            let secret = Secret(testStorage: storage)
            secret.append(contentsOf: Array("Gx7!kPq2vZ".utf8))
            #expect(Array(storage.prefix(10)) == Array("Gx7!kPq2vZ".utf8), "the secret writes into this storage")
        }
        #expect(storage.allSatisfy { $0 == 0 }, "the last holder letting go zeroes the bytes")
    }

    @Test func growingZeroesTheOldBuffer() {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 8)
        storage.initialize(repeating: 0)
        defer { storage.deallocate() }
        let secret = Secret(testStorage: storage)
        secret.append(contentsOf: Array("Gx7!kPq2".utf8))
        secret.append(contentsOf: Array("vZ-and-more".utf8))
        #expect(storage.allSatisfy { $0 == 0 }, "the outgrown buffer keeps no copy")
        #expect(secret == Secret("Gx7!kPq2vZ-and-more"))
    }

    @Test func copiesOfAHolderShareTheBuffer() {
        let request = ReinstallRequest(adminPass: Secret("Gx7!kPq2vZ"))
        let copy = request
        request.adminPass?.wipe()
        #expect(copy.adminPass?.isEmpty == true, "one buffer: wiping it wipes it for every holder")
    }

    @Test func editingInPlace() {
        let secret = Secret("ace")
        secret.insert(contentsOf: Array("b".utf8), atByte: 1)
        secret.insert(contentsOf: Array("d".utf8), atByte: 3)
        #expect(secret == Secret("abcde"))
        secret.removeBytes(1..<3)
        #expect(secret == Secret("ade"))
        #expect(secret.rawStorage()[3...].allSatisfy { $0 == 0 }, "the freed tail is zeroed")
        #expect(secret.copy() == secret)
        #expect(secret.copy().storageAddress != secret.storageAddress)
    }

    @Test func neverPrintsItself() {
        let secret = Secret("Gx7!kPq2vZ")
        #expect("\(secret)" == "••••")
        #expect(String(reflecting: secret) == "••••")
        #expect(!String(describing: [secret]).contains("Gx7"))
    }

    @Test(arguments: ["Gx7!kPq2vZ", "a/b\"c\\d", "tab\there\nnl\u{1}\u{8}\u{c}", "中文!A1a"])
    func theBodyIsBuiltAroundThePasswordAsJSONEncoderWould(password: String) throws {
        let request = ReinstallRequest(adminPass: Secret(password), withStopServer: true, metadata: ["k": "v"])
        let body = try request.encodedBodyBuffer()
        let decoded = try ReinstallRequest.decode(body.withBytes { Data($0) })
        #expect(decoded.adminPass == Secret(password))
        #expect(decoded.withStopServer)
        #expect(decoded.metadata == ["k": "v"])
        struct Wire: Encodable {
            struct Body: Encodable { var adminpass: String; var metadata: [String: String]; var mode: String }
            var osReinstall: Body
            enum CodingKeys: String, CodingKey { case osReinstall = "os-reinstall" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let expected = try encoder.encode(Wire(osReinstall: .init(adminpass: password, metadata: ["k": "v"], mode: "withStopServer")))
        #expect(body.withBytes { Data($0) } == expected)
        body.wipe()
        #expect(body.rawStorage().allSatisfy { $0 == 0 })
    }
}
