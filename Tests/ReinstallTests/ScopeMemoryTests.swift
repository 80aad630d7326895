import Foundation
import HuaweiCloud
import Reinstall
import Testing

/// The TUI's last region and project, per account, in a private state file.
struct ScopeMemoryTests {
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ecs-memory-\(UUID().uuidString)")
    }

    @Test func theFileIsUnderXDGStateHomeOrTheHomesLocalState() {
        #expect(ScopeMemory.defaultFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path
            == "/s/ecs-reinstall/last-scope.json")
        #expect(ScopeMemory.defaultFile(environment: ["HOME": "/h"]).path == "/h/.local/state/ecs-reinstall/last-scope.json")
        // A relative XDG_STATE_HOME is ignored, as the specification says.
        #expect(ScopeMemory.defaultFile(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]).path
            == "/h/.local/state/ecs-reinstall/last-scope.json")
    }

    @Test func eachAccountHasItsOwnScopeWrittenPrivately() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ecs-reinstall/last-scope.json")
        let ops = ScopeMemory(file: file, account: "koocli:/h/.hcloud/config.json#ops")
        let demo = ScopeMemory(file: file, account: "demo")
        #expect(ops.recall() == nil)
        try ops.remember(ProjectScope(region: "cn-east-3", projectId: "p-east"))
        try demo.remember(ProjectScope(region: "cn-north-4", projectId: "p-sub", projectName: "cn-north-4_staging"))
        #expect(ops.recall() == ProjectScope(region: "cn-east-3", projectId: "p-east"))
        #expect(demo.recall()?.projectName == "cn-north-4_staging")
        try ops.remember(ProjectScope(region: "ap-southeast-1", projectId: "p-sg"))
        #expect(ops.recall()?.region == "ap-southeast-1" && demo.recall()?.region == "cn-north-4")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions] as? NSNumber
        #expect(folderMode?.intValue == 0o700)
    }

    /// The last scope sits beside the job journal, by one rule for the state folder.
    @Test(arguments: [["XDG_STATE_HOME": "/s", "HOME": "/h"], ["HOME": "/h"], ["XDG_STATE_HOME": "rel", "HOME": "/h"]])
    func theLastScopeSitsBesideTheJournal(environment: [String: String]) {
        #expect(ScopeMemory.defaultFile(environment: environment).deletingLastPathComponent()
            == JobJournal.defaultFile(environment: environment).deletingLastPathComponent())
    }

    /// Instances remembering at once (each its own account) keep every account: the file is
    /// read and replaced under the journal's kind of lock.
    @Test func instancesRememberingAtOnceKeepEveryAccount() async throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ecs-reinstall/last-scope.json")
        let accounts = (0..<12).map { "account-\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for account in accounts {
                group.addTask {
                    let memory = ScopeMemory(file: file, account: account)
                    for round in 0..<20 { try memory.remember(ProjectScope(region: "cn-east-3", projectId: "p-\(round)")) }
                }
            }
            try await group.waitForAll()
        }
        for account in accounts {
            #expect(ScopeMemory(file: file, account: account).recall()?.projectId == "p-19", "\(account)")
        }
    }

    @Test func aDamagedFileIsForgottenAndReplaced() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("last-scope.json")
        try Data("{not json".utf8).write(to: file)
        let memory = ScopeMemory(file: file, account: "env")
        #expect(memory.recall() == nil)
        try memory.remember(ProjectScope(region: "cn-east-3", projectId: "p-east"))
        #expect(memory.recall()?.projectId == "p-east")
    }

    /// The key names where the credentials come from, never a secret.
    @Test func theAccountKeyHoldsNoSecret() throws {
        let endpoint = URL(string: "https://user:pa55word@gateway.example:8443/base")
        #expect(ScopeMemory.accountKey(source: .environment, endpoint: nil) == "env")
        #expect(ScopeMemory.accountKey(source: .environment, endpoint: endpoint) == "env@gateway.example:8443")
        #expect(ScopeMemory.accountKey(source: .kooCLIProfile(name: "ops", path: "/h/.hcloud/config.json"), endpoint: nil)
            == "koocli:/h/.hcloud/config.json#ops")
        #expect(ScopeMemory.accountKey(source: .credentialsFile(path: "/h/.huaweicloud/credentials"), endpoint: nil)
            == "file:/h/.huaweicloud/credentials")
        #expect(ScopeMemory.accountKey(source: .demo, endpoint: nil) == "demo")
    }

    /// Two accounts exported in turn through the same variables are two accounts: the key holds
    /// the start of the access key's SHA-256, never the access key itself.
    @Test func accountsOfTheSameSourceAreToldApartByTheirAccessKey() {
        let first = ScopeMemory.accountKey(source: .environment, accessKey: "AKFIRSTACCOUNT000001", endpoint: nil)
        let second = ScopeMemory.accountKey(source: .environment, accessKey: "AKSECONDACCOUNT00002", endpoint: nil)
        #expect(first != second)
        #expect(first.hasPrefix("env#ak:") && first.count == "env#ak:".count + 16, "\(first)")
        #expect(!first.contains("AKFIRST") && !second.contains("AKSECOND"))
        #expect(first == ScopeMemory.accountKey(source: .environment, accessKey: "AKFIRSTACCOUNT000001", endpoint: nil))
        let profile = ScopeMemory.accountKey(source: .kooCLIProfile(name: "ops", path: "/h/.hcloud/config.json"),
                                             accessKey: "AKFIRSTACCOUNT000001",
                                             endpoint: URL(string: "https://gateway.example"))
        #expect(profile.hasPrefix("koocli:/h/.hcloud/config.json#ops#ak:") && profile.hasSuffix("@gateway.example"))
    }
}
