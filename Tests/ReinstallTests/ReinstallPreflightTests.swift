import HuaweiCloud
import Reinstall
import Testing

private func server(status: String, task: String? = nil, disk: Bool = true, locked: Bool = false) -> Server {
    Server(id: "s", name: "web-01", status: status, taskState: task, imageId: "img", metadata: [:],
           volumesAttached: disk ? [.init(id: "v", bootIndex: "0", device: "/dev/vda")] : [], locked: locked)
}

@Suite struct ReinstallPreflightTests {
    @Test(arguments: ["ACTIVE", "SHUTOFF"])
    func settledServersAreClear(status: String) {
        #expect(ReinstallPreflight.check(server(status: status)) == .clear)
    }

    @Test func errorIsAllowedWithAWarning() {
        guard case let .warning(text) = ReinstallPreflight.check(server(status: "ERROR")) else {
            Issue.record("ERROR must be allowed with a warning")
            return
        }
        #expect(text.contains("retried"))
    }

    @Test(arguments: ["BUILD", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE", "REVERT_RESIZE", "VERIFY_RESIZE"])
    func transitionalStatusesBlockAndSayWhatTheyWaitFor(status: String) {
        #expect(ReinstallPreflight.check(server(status: status))
                == .blocked("web-01 is \(status): wait for it to reach ACTIVE or SHUTOFF."))
    }

    @Test(arguments: ["powering-off", "rebooting", "rebuild_spawning"])
    func aTaskStateBlocks(task: String) {
        #expect(ReinstallPreflight.check(server(status: "ACTIVE", task: task))
                == .blocked("web-01 is busy (task \(task), status ACTIVE): wait for the task to finish."))
    }

    @Test func noSystemDiskAndLockedBlock() {
        #expect(ReinstallPreflight.check(server(status: "SHUTOFF", disk: false))
                == .blocked("web-01 has no system disk (bootIndex 0): it cannot be reinstalled."))
        #expect(ReinstallPreflight.check(server(status: "SHUTOFF", locked: true))
                == .blocked("web-01 is locked: unlock it before reinstalling."))
    }

    @Test(arguments: ["SUSPENDED", "SHELVED", "UNKNOWN"])
    func otherStatusesBlock(status: String) {
        guard case .blocked = ReinstallPreflight.check(server(status: status)) else {
            Issue.record("\(status) must block")
            return
        }
    }
}
