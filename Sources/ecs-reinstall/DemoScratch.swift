import CloudSimulator
import Foundation
import Synchronization

/// The demo's scratch folder, which holds its own known_hosts (seeded with old keys of the
/// simulated servers). Made on first use only, so a demo that probes nothing leaves nothing; made
/// with mkdir, which fails on an existing path, mode 0700, under a name of 96 random bits, so it
/// is never a folder someone else prepared; removed by `remove()` and on every way out (`ExitCleanup`).
final class DemoScratch: Sendable {
    private let simulator: CloudSimulator
    private let port: Int
    let folder: URL
    private let made = Mutex(false)

    init(simulator: CloudSimulator, port: Int) {
        self.simulator = simulator
        self.port = port
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-reinstall-demo-\(randomHex(12))")
    }

    /// The demo's known_hosts: what its readiness settings name, whether made yet or not.
    var knownHostsFile: URL { folder.appendingPathComponent("known_hosts") }

    /// Makes the folder and its known_hosts, once.
    func prepare() async throws {
        if made.withLock({ $0 }) { return }
        let servers = await simulator.servers()
        try made.withLock { made in
            guard !made else { return }
            guard mkdir(folder.path, 0o700) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSFilePathErrorKey: folder.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO),
                ])
            }
            made = true
            ExitCleanup.add(folder)
            try DemoKnownHosts.write(to: knownHostsFile, servers: servers, port: port)
        }
    }

    func remove() {
        made.withLock { made in
            guard made else { return }
            try? FileManager.default.removeItem(at: folder)
            ExitCleanup.forget(folder)
            made = false
        }
    }
}

/// What is removed when the process leaves through `exit()` (a signal while preparing or
/// posting), where no `defer` or `stop()` runs.
enum ExitCleanup {
    private static let folders = Mutex<[URL]>([])

    static func add(_ folder: URL) { folders.withLock { $0.append(folder) } }
    static func forget(_ folder: URL) { folders.withLock { $0.removeAll { $0 == folder } } }

    /// Removes what is left; called just before `exit()`.
    static func run() {
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }
}
