import Foundation
import HuaweiCloud
import Reinstall
import Testing

/// The one judgement of a reinstall draft, as tables: each row is a draft and what the checklist,
/// the refusal and the warnings must say. The form and `reinstall` show exactly these words.
private enum Drafts {
    static let strong: Secret = "Gx7!kPq2vZ"
    static let pairs = [Keypair(name: "deploy-rsa"), Keypair(name: "ops-ed25519")]
    static let v1 = EndpointDecision(api: .v1, reason: "no Cloud-Init", confidence: .certain)
    static let v2 = EndpointDecision(api: .v2, reason: "public image", confidence: .certain)
    static let unknown = EndpointDecision(api: .v1, reason: "imported from a file", confidence: .unknown, mustAsk: true)
    static let script = try! UserData(path: "/u.sh", bytes: Data("#!/bin/sh\nuseradd ops\n".utf8))

    static func server(os: String = "Linux", status: ServerStatus = .shutoff, key: String? = nil, locked: Bool = false,
                       task: String? = nil) -> Server {
        Server(id: "s-1", name: "web-01", status: status, taskState: task, imageId: "img", metadata: ["os_type": os],
               volumesAttached: [.init(id: "v", bootIndex: "0", device: "/dev/vda")], locked: locked, keyName: key)
    }

    static func draft(_ server: Server = server(), _ endpoint: EndpointDecision = v2, login: ReinstallDraft.Login,
                      userData: UserData? = nil, stop: Bool = false, cmk: String? = nil) -> ReinstallDraft {
        ReinstallDraft(server: server, endpoint: .known(endpoint), login: login, keypairs: .known(pairs),
                       userId: .known("user-1"), stopFirst: stop, userData: userData.map { .known($0) }, cmkId: cmk)
    }
}

struct DraftRow: Sendable, CustomTestStringConvertible {
    var name: String
    var draft: ReinstallDraft
    /// nil: the draft is ready.
    var refusal: String?
    var testDescription: String { name }
}

@Suite struct DraftValidationTests {
    static let ignored = DraftValidation.passwordIgnoredLabel
    static let rows: [DraftRow] = [
        DraftRow(name: "key pair on v2", draft: Drafts.draft(login: .keypair(name: "deploy-rsa")), refusal: nil),
        DraftRow(name: "strong password on v1", draft: Drafts.draft(Drafts.server(), Drafts.v1,
                                                                       login: .password(Drafts.strong, confirmation: Drafts.strong)),
                 refusal: nil),
        DraftRow(name: "key pair with user data is kept",
                 draft: Drafts.draft(login: .keypair(name: "deploy-rsa"), userData: Drafts.script), refusal: nil),
        DraftRow(name: "password with user data on Linux v2",
                 draft: Drafts.draft(login: .password(Drafts.strong, confirmation: Drafts.strong), userData: Drafts.script),
                 refusal: "Not sent: \(ignored)"),
        DraftRow(name: "password with user data on Windows v2 (Cloudbase-Init keeps it)",
                 draft: Drafts.draft(Drafts.server(os: "Windows"), Drafts.v2,
                                     login: .password(Drafts.strong, confirmation: Drafts.strong), userData: Drafts.script),
                 refusal: nil),
        DraftRow(name: "no login with user data on v2",
                 draft: Drafts.draft(login: .none, userData: Drafts.script), refusal: nil),
        DraftRow(name: "no login without user data",
                 draft: Drafts.draft(login: .none),
                 refusal: "Not sent: no login: choose a key pair or a password (only v2 with user data may leave both empty)"),
        DraftRow(name: "no login on v1",
                 draft: Drafts.draft(Drafts.server(), Drafts.v1, login: .none, userData: Drafts.script),
                 refusal: "Not sent: no login: choose a key pair or a password (only v2 with user data may leave both empty); "
                    + "user data needs the v2 endpoint (Cloud-Init): switch to v2 or drop it"),
        DraftRow(name: "Windows key pair on v1",
                 draft: Drafts.draft(Drafts.server(os: "Windows"), Drafts.v1, login: .keypair(name: "deploy-rsa")),
                 refusal: "Not sent: " + PlanError.windowsWithoutCloudInitNeedsPassword.message),
        DraftRow(name: "missing key pair",
                 draft: Drafts.draft(login: .keypair(name: "gone")),
                 refusal: "Not sent: key pair 'gone' does not exist in this region (there are: deploy-rsa, ops-ed25519)"),
        DraftRow(name: "weak password on Linux",
                 draft: Drafts.draft(login: .password("rootabc", confirmation: "rootabc")),
                 refusal: "Not sent: password: 8–26 characters (now 7); password: 3 of upper, lower, digit, special (now 1); "
                    + "password: no 'root' or 'toor'"),
        DraftRow(name: "root is no rule on Windows",
                 draft: Drafts.draft(Drafts.server(os: "Windows"), Drafts.v1, login: .password("Gx7!root2v", confirmation: "Gx7!root2v")),
                 refusal: nil),
        DraftRow(name: "Administrator is no rule on Linux",
                 draft: Drafts.draft(login: .password("Gx7!Admin2v", confirmation: "Gx7!Admin2v")), refusal: nil),
        DraftRow(name: "Administrator run on Windows",
                 draft: Drafts.draft(Drafts.server(os: "Windows"), Drafts.v1, login: .password("Gx7!Admin2v", confirmation: "Gx7!Admin2v")),
                 refusal: "Not sent: password: no 3-letter run of Administrator"),
        DraftRow(name: "running without stopping first",
                 draft: Drafts.draft(Drafts.server(status: .active), Drafts.v2, login: .keypair(name: "deploy-rsa")),
                 refusal: "Not sent: web-01 is running: it must be stopped first (withStopServer)"),
        DraftRow(name: "running, stopped first",
                 draft: Drafts.draft(Drafts.server(status: .active), Drafts.v2, login: .keypair(name: "deploy-rsa"), stop: true),
                 refusal: nil),
        DraftRow(name: "locked",
                 draft: Drafts.draft(Drafts.server(locked: true), Drafts.v2, login: .keypair(name: "deploy-rsa")),
                 refusal: "Not sent: web-01 is locked: unlock it before reinstalling."),
        DraftRow(name: "busy",
                 draft: Drafts.draft(Drafts.server(task: "rebooting"), Drafts.v2, login: .keypair(name: "deploy-rsa")),
                 refusal: "Not sent: web-01 is busy (task rebooting, status SHUTOFF): wait for the task to finish."),
        DraftRow(name: "endpoint the image cannot tell",
                 draft: Drafts.draft(Drafts.server(), Drafts.unknown, login: .password(Drafts.strong, confirmation: Drafts.strong)),
                 refusal: "Not sent: endpoint unknown: choose v1 or v2 (imported from a file)"),
        DraftRow(name: "malformed CMK id",
                 draft: Drafts.draft(login: .keypair(name: "deploy-rsa"), cmk: "abc"),
                 refusal: "Not sent: CMK id: 36 characters, UUID form (now 3)"),
    ]

    @Test(arguments: rows)
    func refusal(_ row: DraftRow) {
        let validation = DraftValidation(row.draft)
        #expect(validation.refusal == row.refusal)
        #expect(validation.isReady == (row.refusal == nil))
    }

    @Test(arguments: rows.filter { $0.refusal == nil })
    func aReadyDraftPlansWhatItSays(_ row: DraftRow) throws {
        let plan = try row.draft.plan()
        switch row.draft.login {
        case let .keypair(name): #expect(plan.request.keyName == name && plan.request.adminPass == nil)
        case .password: #expect(plan.request.keyName == nil && plan.request.adminPass != nil)
        case .none: #expect(plan.request.keyName == nil && plan.request.adminPass == nil)
        }
        #expect((plan.request.metadata["user_data"] != nil) == (row.draft.userData != nil))
    }

    /// The facts still on their way are pending, never passed, and keep the draft from the review.
    @Test func pendingFactsAreNeitherPassedNorFailed() {
        var draft = Drafts.draft(login: .keypair(name: nil))
        draft.endpoint = .pending("endpoint: reading the image…")
        draft.keypairs = .pending("key pairs: loading…")
        draft.userId = .pending("IAM user id: looking up…")
        let validation = DraftValidation(draft)
        #expect(validation.checks.filter { $0.status == .pending }.map(\.label)
                == ["key pairs: loading…", "IAM user id: looking up…", "endpoint: reading the image…"])
        #expect(!validation.isReady)
        #expect(validation.refusal == "Not sent: key pairs: loading…; IAM user id: looking up…; endpoint: reading the image…")
    }

    @Test(arguments: [
        (ReinstallDraft.Login.keypair(name: "ops-ed25519"), "deploy-rsa" as String?,
         "The login key changes: web-01 has key pair 'deploy-rsa' today; after the reinstall it takes 'ops-ed25519'."),
        (.keypair(name: "deploy-rsa"), "deploy-rsa", nil),
        (.keypair(name: "deploy-rsa"), nil, "web-01 has no key pair today; after the reinstall it takes 'deploy-rsa'."),
        (.password(Drafts.strong, confirmation: Drafts.strong), "deploy-rsa",
         "The login changes: web-01 has key pair 'deploy-rsa' today; after the reinstall it takes a password."),
    ] as [(ReinstallDraft.Login, String?, String?)])
    func aChangedLoginKeyIsWarned(login: ReinstallDraft.Login, current: String?, warning: String?) {
        let validation = DraftValidation(Drafts.draft(Drafts.server(key: current), Drafts.v1, login: login))
        #expect(validation.warnings == (warning.map { [$0] } ?? []))
        #expect(validation.isReady, "a warning never blocks: \(validation.refusal ?? "")")
    }

    /// `userid` is optional: an unknown IAM user id is said, never refused, and not sent.
    @Test func anUnknownUserIdIsInformationNotARefusal() throws {
        var draft = Drafts.draft(login: .keypair(name: "deploy-rsa"))
        draft.userId = .unavailable("IAM does not say")
        let validation = DraftValidation(draft)
        let line = try #require(validation.checks.first { $0.rule == .userId })
        #expect(line.status == .info && !line.blocks)
        #expect(line.label == "IAM user id not known: userid not sent (optional)")
        #expect(validation.isReady && validation.refusal == nil)
        let plan = try draft.plan()
        #expect(plan.request.keyName == "deploy-rsa" && plan.request.userId == nil)
    }

    @Test func noLoginIsWarnedThatTheUserDataMustCreateOne() {
        let validation = DraftValidation(Drafts.draft(login: .none, userData: Drafts.script))
        #expect(validation.checks.first { $0.rule == .login }?.label
                == "no key pair, no password: the user data must create a login")
        #expect(validation.warnings == [
            "No key pair and no password: the user data must create a login, or nobody can log in after the reinstall.",
        ])
    }

    @Test func aServerInErrorIsAllowedWithTheWarningOfThePreflight() {
        let validation = DraftValidation(Drafts.draft(Drafts.server(status: .error, key: "deploy-rsa"), Drafts.v2,
                                                      login: .keypair(name: "deploy-rsa")))
        #expect(validation.isReady)
        #expect(validation.warnings == ["web-01 is in ERROR: a failed reinstall can be retried; check why it failed."])
    }
}
