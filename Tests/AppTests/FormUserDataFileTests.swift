import Foundation
import Reinstall
import Testing

@testable import App

/// The effect side of user data: reading the file, never more than the limit allows.
struct FormUserDataFileTests {
    private func temporaryFile(_ bytes: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("userdata-\(UUID().uuidString)")
        try bytes.write(to: url)
        return url.path
    }

    @Test func aSmallFileIsReadWhole() throws {
        let path = try temporaryFile(Data("#cloud-config\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(UserDataFileReader.read(path) == .success(Data("#cloud-config\n".utf8)))
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let path = try temporaryFile(Data(repeating: 0x61, count: UserData.maxBytes + 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case let .failure(error) = UserDataFileReader.read(path) else {
            Issue.record("a file over 32 KB must be refused")
            return
        }
        #expect(error.message.hasPrefix("user data is \(UserData.maxBytes + 100) bytes"))
    }

    @Test func aMissingFileSaysWhatToCheck() {
        guard case let .failure(error) = UserDataFileReader.read("/nonexistent/cloud.yaml") else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(error.message == "cannot open /nonexistent/cloud.yaml: check the path and its permissions")
    }
}
