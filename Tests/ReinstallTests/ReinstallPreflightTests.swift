import HuaweiCloud
import Reinstall
import Testing

private func server(status: ServerStatus, task: String? = nil, disk: Bool = true, locked: Bool = false) -> Server {
    Server(id: "s", name: "web-01", status: status, taskState: task, imageId: "img", metadata: [:],
           volumesAttached: disk ? [.init(id: "v", bootIndex: "0", device: "/dev/vda")] : [], locked: locked)
}

@Suite struct ReinstallPreflightTests {
    @Test(arguments: [ServerStatus.active, .shutoff])
    func settledServersAreClear(status: ServerStatus) {
        #expect(ReinstallPreflight.check(server(status: status)) == .clear)
    }

    @Test func errorIsAllowedWithAWarning() {
        guard case let .warning(text) = ReinstallPreflight.check(server(status: .error)) else {
            Issue.record("ERROR must be allowed with a warning")
            return
        }
        #expect(text.contains("retried"))
    }

    /// The cloud's spelling of each status that ends by itself.
    @Test(arguments: [
        (ServerStatus.build, "BUILD"), (.reboot, "REBOOT"), (.hardReboot, "HARD_REBOOT"), (.rebuild, "REBUILD"),
        (.migrating, "MIGRATING"), (.resize, "RESIZE"), (.revertResize, "REVERT_RESIZE"), (.verifyResize, "VERIFY_RESIZE"),
    ])
    func transitionalStatusesBlockAndSayWhatTheyWaitFor(status: ServerStatus, text: String) {
        #expect(ServerStatus(rawValue: text) == status)
        #expect(ReinstallPreflight.check(server(status: status))
                == .blocked("web-01 is \(text): wait for it to reach ACTIVE or SHUTOFF."))
    }

    @Test(arguments: ["powering-off", "rebooting", "rebuild_spawning"])
    func aTaskStateBlocks(task: String) {
        #expect(ReinstallPreflight.check(server(status: .active, task: task))
                == .blocked("web-01 is busy (task \(task), status ACTIVE): wait for the task to finish."))
    }

    @Test func bareMetalIsRefusedWhateverItsState() {
        var bareMetal = server(status: .shutoff)
        bareMetal.tags = ["team=hpc", "__type_baremetal"]
        let why = "web-01 is a bare metal server (tag __type_baremetal): "
            + "bare metal servers are reinstalled through the BMS API, not ECS."
        #expect(ReinstallPreflight.notAnECSServer(bareMetal) == why)
        #expect(ReinstallPreflight.check(bareMetal) == .blocked(why))
        // The form's checklist and the command's refusal say the same.
        let draft = ReinstallDraft(server: bareMetal, endpoint: .pending("deciding"), login: .none, keypairs: .known([]),
                                   userId: .known("u"), stopFirst: false, userData: nil, cmkId: nil, byol: false)
        #expect(DraftValidation(draft).refusal?.contains(why) == true)
        var tagged = server(status: .active)
        tagged.tags = ["__type_baremetal_like=no"]
        #expect(ReinstallPreflight.notAnECSServer(tagged) == nil)
    }

    @Test func noSystemDiskAndLockedBlock() {
        #expect(ReinstallPreflight.check(server(status: .shutoff, disk: false))
                == .blocked("web-01 has no system disk (bootIndex 0): it cannot be reinstalled."))
        #expect(ReinstallPreflight.check(server(status: .shutoff, locked: true))
                == .blocked("web-01 is locked: unlock it before reinstalling."))
    }

    @Test(arguments: [ServerStatus.suspended, .shelved, .unknown, .other("HIBERNATED")])
    func otherStatusesBlock(status: ServerStatus) {
        guard case .blocked = ReinstallPreflight.check(server(status: status)) else {
            Issue.record("\(status) must block")
            return
        }
    }
}
