import Foundation
import Testing

@testable import Reinstall

/// The OpenSSH tools some tests compare against. Missing, the test fails saying why (they come
/// with the package openssh-client, which scripts/install-deps installs): never a silent pass.
enum OpenSSHTools {
    static func required(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExternalTool? {
        guard let tool = ExternalTool.find(name) else {
            Issue.record("\(name) is not on PATH: install openssh-client (scripts/install-deps) to run this test",
                         sourceLocation: sourceLocation)
            return nil
        }
        return tool
    }

    /// Runs `tool` and expects it to succeed; its standard output.
    static func run(_ tool: ExternalTool, _ arguments: [String]) async throws -> String {
        let output = try await tool.run(arguments, timeout: .seconds(20))
        #expect(output.status == 0, "\(tool.executable.lastPathComponent) \(arguments): \(output.standardError)")
        return output.standardOutput
    }
}

/// A scratch folder, removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
