import Foundation
import HuaweiCloud
import Reinstall
import Testing

private let linux = Server(id: "s1", name: "web-01", status: .shutoff, imageId: "img", metadata: ["os_type": "Linux"])
private let cmk = "0f5a7c3e-1b2d-4e6f-8a9b-0c1d2e3f4a5b"

@Suite struct ReinstallOptionsTests {
    @Test(arguments: [
        (cmk, true),
        (cmk.uppercased(), true),
        ("0f5a7c3e1b2d4e6f8a9b0c1d2e3f4a5b", false),  // 32: no dashes
        ("0f5a7c3e-1b2d-4e6f-8a9b-0c1d2e3f4a5", false),  // 35
        ("0f5a7c3e-1b2d-4e6f-8a9b-0c1d2e3f4a5bb", false),  // 37
        ("0f5a7c3e1-b2d-4e6f-8a9b-0c1d2e3f4a5b", false),  // 36, groups misplaced
        ("0f5a7c3e-1b2d-4e6f-8a9b-0c1d2e3f4a5g", false),  // not hex
        ("", false),
    ])
    func cmkIdentifier(id: String, valid: Bool) {
        #expect(CMKIdentifier.isValid(id) == valid)
    }

    @Test func optionsBecomeMetadata() throws {
        let data = try UserData(path: "/tmp/u", bytes: Data("#cloud-config\n".utf8))
        let options = ReinstallOptions(userData: data, cmkId: cmk, byol: true)
        #expect(options.metadata == [
            "user_data": Data("#cloud-config\n".utf8).base64EncodedString(),
            "__system__encrypted": "1", "__system__cmkid": cmk, "BYOL": "true",
        ])
        #expect(ReinstallOptions().metadata.isEmpty)
    }

    @Test func v2WithUserDataNeedsNoLogin() throws {
        let data = try UserData(path: "/tmp/u", bytes: Data("#!/bin/sh\necho hi\n".utf8))
        let plan = try ReinstallPlan.make(server: linux, api: .v2, login: nil, userId: nil, withStopServer: false,
                                          options: ReinstallOptions(userData: data))
        #expect(plan.request.adminPass == nil && plan.request.keyName == nil)
        let body = try plan.redactedBody()
        #expect(body.contains("\"user_data\":\"\(data.base64)\""))
    }

    @Test func theRulesOfTheAPIAreEnforced() throws {
        let data = try UserData(path: "/tmp/u", bytes: Data("x".utf8))
        #expect(throws: PlanError.noLogin) {
            try ReinstallPlan.make(server: linux, api: .v2, login: nil, userId: nil, withStopServer: false,
                                   options: ReinstallOptions())
        }
        #expect(throws: PlanError.userDataNeedsV2) {
            try ReinstallPlan.make(server: linux, api: .v1, login: .password("Gx7!kPq2vZ"), userId: nil,
                                   withStopServer: false, options: ReinstallOptions(userData: data))
        }
        #expect(throws: PlanError.invalidCMKId) {
            try ReinstallPlan.make(server: linux, api: .v1, login: .password("Gx7!kPq2vZ"), userId: nil,
                                   withStopServer: false, options: ReinstallOptions(cmkId: "abc"))
        }
    }

    @Test func theReviewShowsTheBodyWithThePasswordMasked() throws {
        let plan = try ReinstallPlan.make(server: linux, api: .v1, login: .password("Gx7!kPq2vZ"), userId: nil,
                                          withStopServer: true, options: ReinstallOptions(cmkId: cmk, byol: true))
        let lines = try plan.reviewBodyLines()
        #expect(lines == [
            "{\"os-reinstall\": {",
            "  \"adminpass\": \"••••\",",
            "  \"metadata\": {",
            "    \"BYOL\": \"true\",",
            "    \"__system__cmkid\": \"\(cmk)\",",
            "    \"__system__encrypted\": \"1\"",
            "  },",
            "  \"mode\": \"withStopServer\"",
            "}}",
        ])
        #expect(!lines.joined().contains("Gx7!kPq2vZ"))
    }

    @Test(arguments: [(UserData.maxBytes, true), (UserData.maxBytes + 1, false), (1, true)])
    func userDataSizeLimitIsBeforeBase64(size: Int, accepted: Bool) {
        let bytes = Data(repeating: UInt8(ascii: "a"), count: size)
        #expect(((try? UserData(path: "p", bytes: bytes)) != nil) == accepted)
    }

    @Test func userDataKinds() throws {
        #expect(try UserData(path: "p", bytes: Data([0x1f, 0x8b, 0x08, 0x00, 0xff])).kind == .gzip)
        #expect(try UserData(path: "p", bytes: Data("#cloud-config\nusers: []\n".utf8)).kind == .text)
        #expect(throws: UserData.Problem.notTextOrGzip) { try UserData(path: "p", bytes: Data([0x7f, 0x45, 0x00, 0xff])) }
        #expect(throws: UserData.Problem.empty) { try UserData(path: "p", bytes: Data()) }
        let preview = try UserData(path: "p", bytes: Data("#cloud-config\nruncmd:\n - ls\n".utf8)).preview(lines: 2)
        #expect(preview == ["#cloud-config", "runcmd:"])
    }
}
