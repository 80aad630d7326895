import Foundation
import HuaweiCloud
import Reinstall
import Testing

private func server(os: String) -> Server {
    Server(id: "srv-42", name: "web-1", status: .active, imageId: "img-1", metadata: ["os_type": os])
}

private func json(_ data: Data) throws -> NSDictionary {
    try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
}

@Suite struct ReinstallPlanTests {
    @Test(arguments: [
        (ReinstallAPI.v1, "/v1/proj-9/cloudservers/srv-42/reinstallos"),
        (.v2, "/v2/proj-9/cloudservers/srv-42/reinstallos"),
    ])
    func path(api: ReinstallAPI, expected: String) throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Linux"), api: api, login: .password("Gx7!kPq2vZ"), userId: nil, withStopServer: false)
        #expect(plan.method == "POST")
        #expect(plan.path(projectId: "proj-9") == expected)
        #expect(plan.api == api)
        #expect(plan.serverId == "srv-42")
        #expect(plan.serverName == "web-1")
    }

    @Test(arguments: [ReinstallAPI.v1, .v2], [false, true])
    func keypairBody(api: ReinstallAPI, stop: Bool) throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Linux"), api: api, login: .keypair(name: "KeyPair-350b"),
            userId: "7e25b1da389f4697a79df3a0e5bd494e", withStopServer: stop)
        var body: [String: String] = ["keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e"]
        if stop { body["mode"] = "withStopServer" }
        #expect(try json(plan.request.encodedBody()) == ["os-reinstall": body] as NSDictionary)
    }

    @Test func keypairBodyIsExactlyTheDocumentedExample() throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Windows"), api: .v2, login: .keypair(name: "KeyPair-350b"),
            userId: "7e25b1da389f4697a79df3a0e5bd494e", withStopServer: true)
        let text = String(decoding: try plan.request.encodedBody(), as: UTF8.self)
        #expect(text == #"{"os-reinstall":{"keyname":"KeyPair-350b","mode":"withStopServer","userid":"7e25b1da389f4697a79df3a0e5bd494e"}}"#)
    }

    @Test(arguments: [ReinstallAPI.v1, .v2], ["Linux", "Windows"])
    func passwordWithStopServerBody(api: ReinstallAPI, os: String) throws {
        // A user id given alongside a password is not sent: only key pairs need it.
        let plan = try ReinstallPlan.make(
            server: server(os: os), api: api, login: .password("Gx7!kPq2vZ"), userId: "u-1", withStopServer: true)
        #expect(try json(plan.request.encodedBody())
            == ["os-reinstall": ["adminpass": "Gx7!kPq2vZ", "mode": "withStopServer"]] as NSDictionary)
    }

    @Test func passwordWithoutStopHasNoMode() throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Linux"), api: .v1, login: .password("Gx7!kPq2vZ"), userId: nil, withStopServer: false)
        #expect(try json(plan.request.encodedBody()) == ["os-reinstall": ["adminpass": "Gx7!kPq2vZ"]] as NSDictionary)
    }

    @Test func redactedBodyHidesThePassword() throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Linux"), api: .v2, login: .password("Gx7!kPq2vZ"), userId: nil, withStopServer: true)
        let shown = try plan.redactedBody()
        #expect(!shown.contains("Gx7!kPq2vZ"))
        #expect(try json(Data(shown.utf8)) == ["os-reinstall": ["adminpass": "••••", "mode": "withStopServer"]] as NSDictionary)
        #expect(!String(describing: plan).contains("Gx7!kPq2vZ"))
    }

    @Test(arguments: [
        ("Windows", ReinstallAPI.v1, LoginMethod.keypair(name: "kp"), "u-1" as String?,
         PlanError.windowsWithoutCloudInitNeedsPassword),
        ("Linux", .v2, .keypair(name: ""), "u-1", .emptyKeypairName),
        ("Linux", .v2, .password(""), nil, .emptyPassword),
    ])
    func refusals(os: String, api: ReinstallAPI, login: LoginMethod, userId: String?, expected: PlanError) {
        #expect(throws: expected) {
            try ReinstallPlan.make(server: server(os: os), api: api, login: login, userId: userId, withStopServer: true)
        }
    }

    /// `userid` is optional: a key pair goes without it when the IAM user id is not known.
    @Test(arguments: [nil, ""] as [String?])
    func aKeyPairWithoutAUserIdIsSentWithoutUserid(userId: String?) throws {
        let plan = try ReinstallPlan.make(
            server: server(os: "Linux"), api: .v2, login: .keypair(name: "kp"), userId: userId, withStopServer: false)
        #expect(!plan.sendsUserId)
        #expect(try plan.redactedBody() == #"{"os-reinstall":{"keyname":"kp"}}"#)
    }

    @Test func windowsV1RefusalSaysWhy() {
        #expect(PlanError.windowsWithoutCloudInitNeedsPassword.message
            .hasPrefix("Windows without Cloud-Init takes a password only"))
    }

    @Test(arguments: [
        ("Windows", ReinstallAPI.v1, false), ("Windows", .v2, true), ("Linux", .v1, true), ("Linux", .v2, true),
        ("Other", .v1, true),
    ])
    func loginChoices(os: String, api: ReinstallAPI, allowed: Bool) {
        let choice = ReinstallPlan.loginChoices(server: server(os: os), api: api)
        #expect(choice.keypairAllowed == allowed)
        #expect(choice.why == (allowed ? nil : "Windows without Cloud-Init takes a password only"))
    }
}
