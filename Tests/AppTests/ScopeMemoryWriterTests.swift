import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// Two switches in quick succession: whichever write runs last, the later switch is on disk.
struct ScopeMemoryWriterTests {
    @Test func aLateWriteOfAnEarlierSwitchWritesTheLaterOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = ScopeMemory(file: folder.appendingPathComponent("last-scope.json"), account: "demo")
        let writer = ScopeMemoryWriter(memory: memory)
        writer.note(ProjectScope(region: "cn-east-3", projectId: "p-east"))
        writer.note(ProjectScope(region: "ap-southeast-1", projectId: "p-sg"))
        try writer.writeLatest()  // the second switch's write
        try writer.writeLatest()  // the first switch's, running late
        #expect(memory.recall()?.projectId == "p-sg")
    }
}
